package com.asan.audience.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                                      @Value("${audience.embedded-db.port:0}") int port) throws IOException {
        Path pgData = dataDir.toAbsolutePath().resolve("pg");
        Files.createDirectories(pgData);
        removeStalePidFile(pgData.resolve("postmaster.pid"));
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
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

    /** A pid file left by a killed run blocks the next start; one held by a live server must not be touched. */
    static void removeStalePidFile(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        boolean alive = firstLine.matches("\\d+") && ProcessHandle.of(Long.parseLong(firstLine))
                .map(process -> process.isAlive() && process.info().command().orElse("").contains("postgres"))
                .orElse(false);
        if (alive) {
            throw new IllegalStateException("Another PostgreSQL (pid " + firstLine + ") is using " + pidFile.getParent()
                    + "; stop it or point AUDIENCE_DATA_DIR elsewhere");
        }
        log.warn("Removing stale {} left by an earlier run", pidFile);
        Files.delete(pidFile);
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
