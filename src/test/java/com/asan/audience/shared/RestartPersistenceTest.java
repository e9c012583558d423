package com.asan.audience.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.AudienceApplication;
import com.asan.audience.countindex.CountIndex;
import com.asan.audience.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database keeps its data across restarts, a stale pid file from a killed run does not block, and the
 * restarted service loads a count index from the snapshot the first run stored.
 */
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void leadsAndTheCountIndexSurviveARestartAndAStalePidFile() throws Exception {
        String apiKey;
        long leadId;
        long accountId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = Api.anonymous(port(first));
            var signUp = api.post("/api/accounts", Map.of("accountName", "Persist", "name", "P",
                    "email", "persist@test.example", "password", "secret-pass-1")).json();
            apiKey = signUp.get("apiKey").asString();
            leadId = api.withKey(apiKey).post("/api/leads", Map.of("firstName", "Durable", "status", "Hot")).id();
            api.withKey(apiKey).post("/api/leads", Map.of("firstName", "Brief", "status", "Cold"));
            accountId = signUp.get("accountId").asLong();
            first.getBean(CountIndex.class).warm(accountId).join(); // the build stores a snapshot before shutdown
        }
        Path pid = dataDir.resolve("pg/postmaster.pid");
        assertThat(pid).doesNotExist();
        Files.writeString(pid, "999999\n" + dataDir.resolve("pg") + "\n");

        try (ConfigurableApplicationContext second = start()) {
            Api api = Api.anonymous(port(second)).withKey(apiKey);
            assertThat(api.get("/api/leads/" + leadId).json().get("firstName").asString()).isEqualTo("Durable");

            api.post("/api/leads", Map.of("firstName", "Later", "status", "Hot"));
            second.getBean(CountIndex.class).warm(accountId).join();
            MeterRegistry metrics = second.getBean(MeterRegistry.class);
            assertThat(metrics.counter("audience.countindex.loads", "from", "snapshot").count())
                    .as("the index came from the snapshot the first run stored").isEqualTo(1);
            assertThat(metrics.counter("audience.countindex.loads", "from", "leads").count()).isZero();
            assertThat(api.post("/api/segments/preview", Map.of("criteria", Map.of("match", "all", "conditions",
                    java.util.List.of(Map.of("field", "status", "operator", "is", "value", "Hot"))))).json()
                    .get("count").asLong()).as("with the lead written after it").isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AudienceApplication.class).run(
                "--audience.data-dir=" + dataDir, "--audience.embedded-db.ephemeral=false", "--server.port=0",
                "--audience.demo-leads=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
