package com.asan.audience.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Boots the whole app on a random port against an ephemeral embedded PostgreSQL shared by every subclass. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestBase {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    /** A fresh account; the returned client is authenticated with its owner's API key. */
    protected TestAccount newAccount() {
        int n = ACCOUNTS.incrementAndGet();
        String email = "owner" + n + "." + System.nanoTime() + "@test.example";
        Api.Response response = signUpFrom("10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255),
                Map.of("accountName", "Account " + email, "name", "Owner", "email", email, "password", "secret-pass-1"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var json = response.json();
        return new TestAccount(json.get("accountId").asLong(), json.get("userId").asLong(), email, "secret-pass-1",
                anonymous().withKey(json.get("apiKey").asString()));
    }

    /**
     * A sign-up as if from {@code address} (through this host's proxy, which Tomcat trusts): sign-ups are limited per
     * client address, and the tests create many accounts.
     */
    protected Api.Response signUpFrom(String address, Object body) {
        return anonymous().raw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(anonymous().base()
                        + "/api/accounts")).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
    }

    public record TestAccount(long accountId, long ownerId, String email, String password, Api api) {
    }
}
