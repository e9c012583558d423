package com.asan.audience.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.AudienceApplication;
import com.asan.audience.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps its data across restarts, and a stale pid file from a killed run does not block. */
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void leadsSurviveARestartAndAStalePidFile() throws Exception {
        String apiKey;
        long leadId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = Api.anonymous(port(first));
            var signUp = api.post("/api/accounts", Map.of("accountName", "Persist", "name", "P",
                    "email", "persist@test.example", "password", "secret-pass-1")).json();
            apiKey = signUp.get("apiKey").asString();
            leadId = api.withKey(apiKey).post("/api/leads", Map.of("firstName", "Durable")).id();
        }
        Path pid = dataDir.resolve("pg/postmaster.pid");
        assertThat(pid).doesNotExist();
        Files.writeString(pid, "999999\n" + dataDir.resolve("pg") + "\n");

        try (ConfigurableApplicationContext second = start()) {
            Api api = Api.anonymous(port(second)).withKey(apiKey);
            assertThat(api.get("/api/leads/" + leadId).json().get("firstName").asString()).isEqualTo("Durable");
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
