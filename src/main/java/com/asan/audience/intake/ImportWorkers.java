package com.asan.audience.intake;

import com.asan.audience.shared.DaemonThreads;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background threads that run imports. New imports start right after their upload commits; a sweep picks up
 * imports whose worker died (an expired lease), here or on another instance.
 */
@Component
class ImportWorkers {

    private static final Logger log = LoggerFactory.getLogger(ImportWorkers.class);

    private final ImportRunner runner;
    private final ImportRepository imports;
    private final String owner = "worker-" + UUID.randomUUID();
    private final ExecutorService executor;
    private final Map<Long, CompletableFuture<String>> finished = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> active = new ConcurrentHashMap<>();

    ImportWorkers(ImportRunner runner, ImportRepository imports, IntakeProperties intake) {
        int workers = intake.workers();
        this.runner = runner;
        this.imports = imports;
        this.executor = DaemonThreads.pool(workers, "import", true);
    }

    String owner() {
        return owner;
    }

    Duration lease() {
        return runner.lease();
    }

    /** Starts the import once the caller's transaction commits (at once when there is none). */
    void startAfterCommit(long accountId, long id) {
        com.asan.audience.shared.AfterCommit.run(() -> submit(accountId, id));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${audience.intake.sweep-every:PT10S}", initialDelayString = "PT1S")
    void sweep() {
        imports.claimable().forEach(claim -> submit(claim.accountId(), claim.id()));
    }

    /** Completes with the final status when this instance finishes the import. */
    CompletableFuture<String> completion(long id) {
        return finished.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    private void submit(long accountId, long id) {
        if (active.putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    String status = runner.run(accountId, id, owner);
                    if (status != null) {
                        completion(id).complete(status);
                    }
                } catch (RuntimeException e) {
                    log.error("Import {} of account {}: worker error", id, accountId, e);
                } finally {
                    active.remove(id);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            active.remove(id);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    }
}
