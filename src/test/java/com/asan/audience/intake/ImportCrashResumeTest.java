package com.asan.audience.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.asan.audience.support.SecondInstance;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Instance B (a second JVM on the same database) runs an import and is killed with SIGKILL in the middle. This
 * test's instance takes the import over when B's lease runs out and finishes it: every row is accounted for once.
 */
class ImportCrashResumeTest extends ApiTestBase {

    private static final int ROWS = 12_000;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    ImportFacade imports;

    Process instanceB;

    @AfterEach
    void stopB() {
        if (instanceB != null) {
            instanceB.destroyForcibly();
        }
    }

    @Test
    void anImportKilledMidwayResumesElsewhereWithNoRowTwiceAndNoneLost() throws Exception {
        TestAccount account = newAccount();
        SecondInstance.Started started = SecondInstance.start(dataSource.getJdbcUrl(),
                "--audience.intake.batch-size=500", "--audience.intake.lease=PT3S",
                "--logging.level.com.asan.audience=INFO");
        instanceB = started.process();
        int portB = started.port();
        BufferedReader logB = new BufferedReader(new InputStreamReader(instanceB.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        awaitLine(logB, "Started AudienceApplication", seen);

        String key = account.api().post("/api/api-keys", Map.of("name", "B")).json().get("apiKey").asString();
        Api b = Api.anonymous(portB).withKey(key);
        Api.Response upload = b.upload("/api/imports", "crash.csv", csv(), Map.of("options",
                "{\"mapping\":{\"email\":\"email\",\"name\":\"fullName\",\"status\":\"status\"}}"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        long id = upload.id();

        awaitLine(logB, "committed rows up to 3000", seen);
        instanceB.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        JsonNode atKill = account.api().get("/api/imports/" + id).json();
        assertThat(atKill.get("status").asString()).isEqualTo("running");
        assertThat(atKill.get("processed").asLong()).isBetween(3000L, (long) ROWS - 1);

        ImportView done = imports.awaitFinished(account.accountId(), id, Duration.ofMinutes(2));
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.processed()).isEqualTo(ROWS);
        assertThat(done.created()).as("a replayed batch would show up as skipped duplicates").isEqualTo(ROWS);
        assertThat(done.skipped()).isZero();
        assertThat(done.failed()).isZero();
        assertThat(account.api().get("/api/leads?size=1").json().get("total").asLong())
                .as("every tenth row has no email, so a replay would also add leads").isEqualTo(ROWS);
    }

    private static byte[] csv() {
        StringBuilder csv = new StringBuilder("email,name,status\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(i % 10 == 0 ? "" : "crash" + i + "@example.com").append(",Person ").append(i).append(',')
                    .append(i % 2 == 0 ? "Hot" : "Cold").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads B's output until a line contains {@code text}; fails if B exits or a minute passes. */
    private void awaitLine(BufferedReader log, String text, List<String> seen) throws Exception {
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = log.readLine(); line != null; line = log.readLine()) {
                    seen.add(line);
                    if (line.contains(text)) {
                        return true;
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(found.get(90, TimeUnit.SECONDS)).as("instance B printed '%s'; it printed:%n%s", text,
                String.join("\n", seen.subList(Math.max(0, seen.size() - 40), seen.size()))).isTrue();
    }
}
