package com.asan.audience.countindex;

import com.asan.audience.shared.SystemCaller;
import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.lead.LeadFacade;
import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Instance A is this test's application; instance B is a second JVM on the same database. B's counts include A's
 * committed writes at once, and never show half of a transaction.
 */
class TwoInstancesTest extends ApiTestBase {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    LeadFacade leads;

    @Autowired
    TransactionTemplate transactions;

    Process instanceB;

    @AfterEach
    void stopB() {
        if (instanceB != null) {
            instanceB.destroy();
        }
    }

    @Test
    void secondInstanceSeesWritesAtOnceAndNeverAMix() throws Exception {
        TestAccount account = newAccount();
        Api a = account.api();
        int portB = freePort();
        Path log = Files.createTempFile("instance-b", ".log");
        instanceB = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "com.asan.audience.AudienceApplication", "--server.port=" + portB,
                "--spring.datasource.url=" + dataSource.getJdbcUrl(), "--spring.datasource.username=postgres",
                "--audience.demo-leads=0", "--spring.flyway.enabled=true")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Api b = Api.anonymous(portB).withKey(apiKeyOf(account));
        awaitHealthy(b, log);

        Map<String, Object> hot = Map.of("match", "all", "conditions",
                List.of(Map.of("field", "status", "operator", "is", "value", "Hot")));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(a.post("/api/leads", Map.of("status", i < 5 ? "Hot" : "Cold")).id());
        }
        assertThat(count(b, hot)).isEqualTo(5);
        for (int i = 0; i < 20; i++) {
            long id = ids.get(i % 10);
            String status = i % 2 == 0 ? "Warm" : "Hot";
            a.patch("/api/leads/" + id, Map.of("status", status));
            long expected = count(a, hot);
            Instant changed = Instant.now();
            assertThat(count(b, hot)).as("B includes A's committed write").isEqualTo(expected);
            assertThat(Duration.between(changed, Instant.now())).isLessThan(Duration.ofSeconds(1));
        }

        long hotNow = count(a, hot);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread swapper = new Thread(() -> {
            int round = 0;
            while (running.get()) {
                int r = round++;
                transactions.executeWithoutResult(status -> {
                    long hotLead = ids.get(r % 10);
                    long other = ids.get((r + 5) % 10);
                    String hotStatus = leads.get(new SystemCaller(account.accountId()), hotLead).status();
                    String otherStatus = leads.get(new SystemCaller(account.accountId()), other).status();
                    leads.update(new SystemCaller(account.accountId()), hotLead, Map.of("status", otherStatus));
                    leads.update(new SystemCaller(account.accountId()), other, Map.of("status", hotStatus));
                });
            }
        });
        swapper.start();
        try {
            for (int i = 0; i < 60; i++) {
                assertThat(count(b, hot)).as("each transaction swaps two statuses: the Hot count never changes")
                        .isEqualTo(hotNow);
            }
        } finally {
            running.set(false);
            swapper.join();
        }
        // B loaded its own index: from the snapshot A stored, or from the leads when A's was not stored yet
        assertThat(Files.readString(log)).containsPattern("Count index of account " + account.accountId()
                + " (built from the leads|restored from its snapshot)");
    }

    private long count(Api api, Map<String, Object> criteria) {
        Api.Response response = api.post("/api/segments/preview", Map.of("criteria", criteria));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("count").asLong();
    }

    private String apiKeyOf(TestAccount account) {
        return account.api().post("/api/api-keys", Map.of("name", "instance B")).json().get("apiKey").asString();
    }

    private void awaitHealthy(Api b, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!instanceB.isAlive()) {
                throw new AssertionError("instance B exited:\n" + Files.readString(log));
            }
            try {
                if (b.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            instanceB.onExit().completeOnTimeout(null, 250, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        throw new AssertionError("instance B did not start:\n" + Files.readString(log));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
