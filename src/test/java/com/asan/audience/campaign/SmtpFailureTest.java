package com.asan.audience.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Temporary SMTP failures (4xx replies, dropped connections) are retried until accepted; permanent ones fail the
 * recipient with the server's reply. Connections are kept open between messages and replaced when they drop.
 */
class SmtpFailureTest extends ApiTestBase {

    static final ScriptedSmtpServer SERVER = start();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", SERVER::port);
        registry.add("audience.mail.retry-base", () -> "PT0.2S");
    }

    @Autowired
    CampaignSendFacade campaigns;

    @AfterAll
    static void stop() throws Exception {
        SERVER.close();
    }

    @Test
    void temporaryFailuresAreRetriedAndPermanentOnesRecorded() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.patch("/api/account", Map.of("postalAddress", "1 Main St, Halifax NS"));
        for (String email : List.of("ok@example.com", "temp@example.com", "perm@example.com", "drop@example.com")) {
            api.post("/api/leads", Map.of("email", email, "status", "Hot"));
        }
        long segment = api.post("/api/segments", Map.of("name", "Hot", "criteria", Map.of("match", "all",
                "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot"))))).id();
        long id = api.post("/api/campaigns", Map.of("name", "Retry", "subject", "S", "fromName", "F",
                "fromEmail", "f@asan.example", "html", "<p>x</p>", "segmentId", segment)).id();
        assertThat(api.post("/api/campaigns/" + id + "/send", Map.of()).status()).isEqualTo(202);

        CampaignView done = campaigns.awaitSent(account.accountId(), id, Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo("sent");
        assertThat(done.stats().sent()).isEqualTo(3);
        assertThat(done.stats().failed()).isEqualTo(1);
        assertThat(SERVER.delivered()).containsExactlyInAnyOrder("ok@example.com", "temp@example.com",
                "drop@example.com");
        assertThat(SERVER.tries("temp@example.com")).isEqualTo(3);
        assertThat(SERVER.tries("drop@example.com")).isEqualTo(2);
        // first connection dropped with "drop"; the second carries both retry rounds, as it is kept open
        assertThat(SERVER.sessions()).isEqualTo(2);

        JsonNode failed = api.get("/api/campaigns/" + id + "/recipients?status=failed").json().get("items").get(0);
        assertThat(failed.get("email").asString()).isEqualTo("perm@example.com");
        assertThat(failed.get("reason").asString()).startsWith("550").contains("mailbox unavailable");
        JsonNode sent = api.get("/api/campaigns/" + id + "/recipients?status=sent").json();
        assertThat(sent.get("total").asLong()).isEqualTo(3);
        assertThat(sent.get("items").get(0).get("sentAt").isNull()).isFalse();
    }

    private static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer(2);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
