package com.asan.audience.countindex;

import com.asan.audience.lead.LeadSnapshots;
import com.asan.audience.shared.DaemonThreads;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The loaded account indexes: lazy loads on a background thread (from the stored snapshot when it can be brought
 * up to date, else from the leads), catching up with the change feed before each use, snapshots of loaded indexes,
 * and the memory cap with least-recently-used eviction.
 */
@Component
class AccountIndexes {

    private static final Logger log = LoggerFactory.getLogger(AccountIndexes.class);

    private final LeadSnapshots snapshots;
    private final long maxBytes;
    private final boolean enabled;
    private final Map<Long, IndexedAccount> accounts = new LinkedHashMap<>(16, 0.75f, true);
    private final ExecutorService builder = DaemonThreads.pool(1, "count-index-builder", false);
    private final ExecutorService applier = DaemonThreads.pool(1, "count-index-applier", false);
    private final ExecutorService snapshotter = DaemonThreads.pool(1, "count-index-snapshotter", false);
    private final IndexSnapshots stored;
    private final boolean snapshotsEnabled;
    private final IndexMetrics metrics;

    AccountIndexes(LeadSnapshots snapshots, IndexSnapshots stored, MeterRegistry registry,
                   CountIndexProperties properties) {
        long maxBytes = properties.maxBytes();
        boolean enabled = properties.enabled();
        boolean snapshotsEnabled = properties.snapshots();
        this.snapshots = snapshots;
        this.stored = stored;
        this.snapshotsEnabled = snapshotsEnabled;
        this.maxBytes = maxBytes;
        this.enabled = enabled;
        this.metrics = new IndexMetrics(registry, this);
    }

    void recordFallback() {
        metrics.fallbacks.increment();
    }

    /** Starts loading the account's index if it is not loaded; completes when it is ready. */
    CompletableFuture<Void> warm(long accountId) {
        if (!enabled) {
            return CompletableFuture.completedFuture(null);
        }
        IndexedAccount entry;
        synchronized (accounts) {
            entry = accounts.computeIfAbsent(accountId, id -> new IndexedAccount());
        }
        return startBuildIfNeeded(accountId, entry);
    }

    List<Long> loaded() {
        synchronized (accounts) {
            return accounts.entrySet().stream().filter(e -> e.getValue().index != null).map(Map.Entry::getKey).toList();
        }
    }

    /** Evaluates on the account's index if it is ready and current; null means "ask PostgreSQL". */
    <T> T withIndex(long accountId, Function<AccountIndex, T> evaluation) {
        if (!enabled) {
            return null;
        }
        IndexedAccount entry;
        synchronized (accounts) {
            entry = accounts.computeIfAbsent(accountId, id -> new IndexedAccount());
        }
        if (entry.index == null) {
            startBuildIfNeeded(accountId, entry);
            metrics.fallbacks.increment();
            return null;
        }
        if (!catchUp(accountId, entry)) {
            metrics.fallbacks.increment();
            return null;
        }
        entry.lock.readLock().lock();
        try {
            AccountIndex index = entry.index;
            return index == null ? null : evaluation.apply(index);
        } catch (BitmapEvaluator.NotIndexed e) {
            metrics.fallbacks.increment();
            return null;
        } finally {
            entry.lock.readLock().unlock();
        }
    }

    /** Brings the loaded index up to date; false when it must be rebuilt first (the rebuild is then started). */
    private boolean catchUp(long accountId, IndexedAccount entry) {
        if (entry.catchUp(snapshots, metrics.changeReads, accountId, snapshots.version(accountId))) {
            return true;
        }
        startBuildIfNeeded(accountId, entry);
        return false;
    }

    private CompletableFuture<Void> startBuildIfNeeded(long accountId, IndexedAccount entry) {
        synchronized (entry) {
            if (entry.index != null) {
                return CompletableFuture.completedFuture(null);
            }
            if (entry.building != null && !entry.building.isDone()) {
                return entry.building;
            }
            entry.building = CompletableFuture.runAsync(() -> build(accountId, entry), builder);
            return entry.building;
        }
    }

    private void build(long accountId, IndexedAccount entry) {
        long started = System.nanoTime();
        AccountIndex index = snapshotsEnabled ? stored.restore(accountId) : null;
        boolean restored = index != null;
        if (!restored) {
            index = new IndexLoader(snapshots, applier).load(accountId);
        }
        entry.lock.writeLock().lock();
        try {
            entry.index = index;
            entry.bytes = index.sizeInBytes();
        } finally {
            entry.lock.writeLock().unlock();
        }
        (restored ? metrics.restores : metrics.rebuilds).increment();
        log.info("Count index of account {} {}: {} leads, {} bytes ({} B/lead) in {} ms", accountId,
                restored ? "restored from its snapshot and the change feed" : "built from the leads",
                index.leadCount(), entry.bytes, index.leadCount() == 0 ? 0 : entry.bytes / index.leadCount(),
                (System.nanoTime() - started) / 1_000_000);
        evictBeyondCap(accountId);
        if (!restored) {
            snapshot(accountId);
        }
    }

    /**
     * Stores the account's loaded index unless a snapshot of its version is stored already; completes with the
     * version the stored snapshot has reached, or -1 when the account has no index loaded.
     */
    CompletableFuture<Long> snapshot(long accountId) {
        if (!snapshotsEnabled) {
            return CompletableFuture.completedFuture(-1L);
        }
        return CompletableFuture.supplyAsync(() -> {
            IndexedAccount entry;
            synchronized (accounts) {
                entry = accounts.get(accountId);
            }
            AccountIndex index = entry == null ? null : entry.index;
            if (index == null) {
                return -1L;
            }
            if (index.version <= entry.snapshotVersion) {
                return entry.snapshotVersion;
            }
            long version = stored.save(index, entry.lock.readLock());
            entry.snapshotVersion = version;
            return version;
        }, snapshotter).whenComplete((version, failure) -> {
            if (failure != null) {
                log.warn("Storing the count index snapshot of account {} failed: {}", accountId, failure.toString());
            }
        });
    }

    /** Keeps the stored snapshots of loaded indexes within a refresh period of their current version. */
    @Scheduled(fixedDelayString = "${audience.count-index.snapshot-every:PT10M}",
            initialDelayString = "${audience.count-index.snapshot-every:PT10M}")
    void refreshSnapshots() {
        loaded().forEach(this::snapshot);
    }

    /** Drops the account's index from memory, as the memory cap does; the next use loads it again. */
    void unload(long accountId) {
        synchronized (accounts) {
            accounts.remove(accountId);
        }
    }

    private void evictBeyondCap(long keep) {
        synchronized (accounts) {
            long total = accounts.values().stream().mapToLong(e -> e.index == null ? 0 : e.bytes).sum();
            var it = accounts.entrySet().iterator();
            while (total > maxBytes && it.hasNext()) {
                var eldest = it.next();
                if (eldest.getKey() != keep && eldest.getValue().index != null) {
                    total -= eldest.getValue().bytes;
                    log.info("Evicting count index of account {} ({} bytes) to stay under {} bytes", eldest.getKey(),
                            eldest.getValue().bytes, maxBytes);
                    it.remove();
                }
            }
        }
    }

    long totalBytes() {
        synchronized (accounts) {
            return accounts.values().stream().mapToLong(e -> e.index == null ? 0 : e.bytes).sum();
        }
    }

    long totalLeads() {
        synchronized (accounts) {
            return accounts.values().stream().mapToLong(e -> e.index == null ? 0 : e.index.leadCount()).sum();
        }
    }

    /** Applies a function to the loaded index as it is, without catching up: for benchmarks and probes. */
    <T> T asLoaded(long accountId, Function<AccountIndex, T> probe) {
        IndexedAccount entry;
        synchronized (accounts) {
            entry = accounts.get(accountId);
        }
        if (entry == null || entry.index == null) {
            return null;
        }
        entry.lock.readLock().lock();
        try {
            return probe.apply(entry.index);
        } catch (BitmapEvaluator.NotIndexed e) {
            return null;
        } finally {
            entry.lock.readLock().unlock();
        }
    }

    long bytesOf(long accountId) {
        synchronized (accounts) {
            IndexedAccount entry = accounts.get(accountId);
            return entry == null ? 0 : entry.bytes;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        builder.shutdownNow();
        applier.shutdownNow();
        // a snapshot being stored is worth finishing: the next start loads it instead of reading every lead
        snapshotter.shutdown();
        if (!snapshotter.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
            snapshotter.shutdownNow();
        }
    }
}
