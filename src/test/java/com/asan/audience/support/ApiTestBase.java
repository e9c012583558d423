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
        String email = "owner" + ACCOUNTS.incrementAndGet() + "." + System.nanoTime() + "@test.example";
        Api.Response response = anonymous().post("/api/accounts",
                Map.of("accountName", "Account " + email, "name", "Owner", "email", email, "password", "secret-pass-1"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var json = response.json();
        return new TestAccount(json.get("accountId").asLong(), json.get("userId").asLong(), email, "secret-pass-1",
                anonymous().withKey(json.get("apiKey").asString()));
    }

    public record TestAccount(long accountId, long ownerId, String email, String password, Api api) {
    }
}
