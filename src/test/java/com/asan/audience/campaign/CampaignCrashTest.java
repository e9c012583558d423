package com.asan.audience.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.asan.audience.support.SecondInstance;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one database. B (a second JVM) sends a campaign to 3,000 leads and is killed with SIGKILL after
 * about 600 messages; this test's instance takes the send over when B's lease expires: nobody receives it twice, at
 * least 2,950 receive it, the rest (messages in flight at the kill) are interrupted, and sending to them once more
 * reaches everyone. And scheduled campaigns, polled by both, fire once each.
 */
class CampaignCrashTest extends ApiTestBase {

    private static final int LEADS = 3_000;
    private static final int KILL_AFTER = 600;
    private static final ServerSetup SMTP =
            new ServerSetup(SecondInstance.freePort(), "localhost", ServerSetup.PROTOCOL_SMTP);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", SMTP::getPort);
        registry.add("audience.mail.poll-every", () -> "PT1S");
        registry.add("audience.mail.lease", () -> "PT3S");
        registry.add("audience.mail.rate-per-second", () -> "2000");
    }

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    CampaignSendFacade campaigns;

    @Autowired
    com.asan.audience.intake.ImportFacade imports;

    Process instanceB;

    @AfterEach
    void stopB() {
        if (instanceB != null) {
            instanceB.destroyForcibly();
        }
    }

    @Test
    void aSendKilledMidwayFinishesElsewhereAndOnlyMessagesInFlightAreInDoubt() throws Exception {
        TestAccount account = newAccount();
        Api api = account.api();
        api.patch("/api/account", Map.of("postalAddress", "1 Main St, Halifax NS"));
        StringBuilder csv = new StringBuilder("email,status\n");
        for (int i = 0; i < LEADS; i++) {
            csv.append("crash").append(i).append("@example.com,Hot\n");
        }
        long importId = api.upload("/api/imports", "leads.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of()).id();
        imports.awaitFinished(account.accountId(), importId, Duration.ofMinutes(2));
        long segment = api.post("/api/segments", Map.of("name", "Hot", "criteria", Map.of("match", "all",
                "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot"))))).id();
        long id = api.post("/api/campaigns", Map.of("name", "Crash", "subject", "Hello", "fromName", "F",
                "fromEmail", "f@asan.example", "html", "<p>Hello {{email}}</p>", "segmentId", segment)).id();

        SecondInstance.Started started = SecondInstance.start(dataSource.getJdbcUrl(), "--spring.mail.host=localhost",
                "--spring.mail.port=" + SMTP.getPort(), "--audience.mail.lease=PT3S",
                "--audience.mail.rate-per-second=300", "--audience.mail.chunk=200", "--audience.mail.poll-every=PT1H");
        instanceB = started.drained().process();
        int portB = started.port();
        String key = api.post("/api/api-keys", Map.of("name", "B")).json().get("apiKey").asString();
        Api b = Api.anonymous(portB).withKey(key);
        started.awaitHealthy();
        assertThat(b.post("/api/campaigns/" + id + "/send", Map.of()).status()).isEqualTo(202);

        assertThat(smtp.waitForIncomingEmail(60_000, KILL_AFTER)).as("B delivered " + KILL_AFTER + " messages").isTrue();
        instanceB.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int atKill = smtp.getReceivedMessages().length;
        assertThat(api.get("/api/campaigns/" + id).json().get("status").asString()).isEqualTo("sending");

        CampaignView done = campaigns.awaitScheduled(account.accountId(), id, Duration.ofMinutes(2));
        assertThat(done.status()).isEqualTo("sent");
        CampaignView.Stats stats = done.stats();
        Map<String, Integer> received = received();
        System.out.printf("crash test: %d delivered when B was killed, %d distinct recipients after the takeover, "
                + "%d sent, %d interrupted%n", atKill, received.size(), stats.sent(), stats.interrupted());
        assertThat(stats.recipients()).isEqualTo(LEADS);
        assertThat(stats.pending()).as("nobody left pending or sending").isZero();
        assertThat(stats.failed()).isZero();
        assertThat(stats.sent() + stats.interrupted()).isEqualTo(LEADS);
        assertThat(received.values()).as("nobody receives the campaign twice").allMatch(n -> n == 1);
        assertThat(received.size()).as("only messages whose SMTP transaction had started are in doubt")
                .isGreaterThanOrEqualTo(LEADS - 50);
        JsonNode interrupted = api.get("/api/campaigns/" + id + "/recipients?status=interrupted&size=100").json();
        assertThat(interrupted.get("total").asLong()).isEqualTo(stats.interrupted());
        interrupted.get("items").forEach(item -> assertThat(item.get("reason").asString()).contains("may or may not"));

        if (stats.interrupted() > 0) {
            assertThat(api.post("/api/campaigns/" + id + "/resend-interrupted", null).status()).isEqualTo(202);
            CampaignView resent = campaigns.awaitSent(account.accountId(), id, Duration.ofMinutes(1));
            assertThat(resent.stats().sent()).isEqualTo(LEADS);
            assertThat(resent.stats().interrupted()).isZero();
            assertThat(resent.sentAt()).as("the first send time is kept").isEqualTo(done.sentAt());
        } else {
            assertThat(api.post("/api/campaigns/" + id + "/resend-interrupted", null).status()).isEqualTo(409);
        }
        assertThat(received()).as("after the resend everyone has it").hasSize(LEADS);
    }

    private static Map<String, Integer> received() throws Exception {
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            received.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        return received;
    }

    @Test
    void scheduledCampaignsFireExactlyOnceWithTwoInstances() throws Exception {
        TestAccount account = newAccount();
        Api api = account.api();
        api.patch("/api/account", Map.of("postalAddress", "1 Main St, Halifax NS"));
        for (int i = 0; i < 20; i++) {
            api.post("/api/leads", Map.of("email", "twice" + i + "@example.com", "status", "Warm"));
        }
        long segment = api.post("/api/segments", Map.of("name", "Warm", "criteria", Map.of("match", "all",
                "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Warm"))))).id();
        SecondInstance.Started started = SecondInstance.start(dataSource.getJdbcUrl(), "--spring.mail.host=localhost",
                "--spring.mail.port=" + SMTP.getPort(), "--audience.mail.poll-every=PT0.5S");
        instanceB = started.drained().process();
        started.awaitHealthy();

        String sendAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3).toString();
        List<Long> ids = new java.util.ArrayList<>();
        for (int c = 0; c < 6; c++) {
            long id = api.post("/api/campaigns", Map.of("name", "Twice " + c, "subject", "S" + c, "fromName", "F",
                    "fromEmail", "f@asan.example", "html", "<p>x</p>", "segmentId", segment)).id();
            assertThat(api.post("/api/campaigns/" + id + "/schedule", Map.of("sendAt", sendAt)).status()).isEqualTo(200);
            ids.add(id);
        }
        assertThat(smtp.waitForIncomingEmail(60_000, 120)).as("6 campaigns x 20 leads arrived").isTrue();
        assertThat(smtp.waitForIncomingEmail(2_000, 121)).as("no campaign fired twice").isFalse();
        Map<String, Integer> perCampaignAndLead = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            perCampaignAndLead.merge(message.getSubject() + " " + message.getAllRecipients()[0], 1, Integer::sum);
        }
        assertThat(perCampaignAndLead).hasSize(120).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
    }

}
