package com.asan.audience.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts PostgreSQL 17 from the bundled binaries when no external database is configured.
 * The data directory survives restarts; a stale postmaster.pid from a killed run is removed first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${audience.data-dir}") Path dataDir,
                                      @Value("${audience.embedded-db.port:0}") int port,
                                      @Value("${audience.embedded-db.ephemeral:false}") boolean ephemeral)
            throws IOException {
        Path pgData = ephemeral ? Files.createTempDirectory("audience-pg-")
                : dataDir.toAbsolutePath().resolve("pg");
        Files.createDirectories(pgData);
        removeStalePidFile(pgData.resolve("postmaster.pid"));
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(ephemeral)
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL {} on port {} with data in {}", fresh ? "initialised" : "started",
                postgres.getPort(), pgData);
        return postgres;
    }

    /**
     * A pid file left by a killed run blocks the next start. If its server still runs (the JVM was killed and the
     * server outlived it), that orphan is shut down first; it serves nobody, since only this app uses the directory.
     */
    static void removeStalePidFile(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan = firstLine.matches("\\d+")
                ? ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive)
                        .filter(process -> process.info().commandLine().orElse("").contains("postgres"))
                : Optional.empty();
        if (orphan.isPresent()) {
            log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", firstLine);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("Removed stale {}", pidFile);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres,
                                @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("audience-embedded");
        return new HikariDataSource(config);
    }
}
