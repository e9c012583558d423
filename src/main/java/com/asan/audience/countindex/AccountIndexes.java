package com.asan.audience.countindex;

import com.asan.audience.lead.LeadSnapshots;
import com.asan.audience.shared.DaemonThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The loaded account indexes: lazy builds on a background thread, catching up with the change feed before each
 * use, the memory cap with least-recently-used eviction, and the metrics.
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
    private final Counter fallbacks;

    AccountIndexes(LeadSnapshots snapshots, MeterRegistry metrics,
                   @Value("${audience.count-index.max-bytes:2147483648}") long maxBytes,
                   @Value("${audience.count-index.enabled:true}") boolean enabled) {
        this.snapshots = snapshots;
        this.maxBytes = maxBytes;
        this.enabled = enabled;
        this.fallbacks = Counter.builder("audience.countindex.fallbacks")
                .description("Counts answered by PostgreSQL because an index was building or did not cover the criteria")
                .register(metrics);
        Gauge.builder("audience.countindex.bytes", this, AccountIndexes::totalBytes).baseUnit("bytes").register(metrics);
        Gauge.builder("audience.countindex.leads", this, AccountIndexes::totalLeads).register(metrics);
        Gauge.builder("audience.countindex.bytes.per.lead", this,
                index -> index.totalLeads() == 0 ? 0 : (double) index.totalBytes() / index.totalLeads()).register(metrics);
        Gauge.builder("audience.countindex.accounts", this, index -> index.loaded().size()).register(metrics);
    }

    void recordFallback() {
        fallbacks.increment();
    }

    private static final class IndexedAccount {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        volatile AccountIndex index;
        volatile CompletableFuture<Void> building;
        volatile long bytes;
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
            fallbacks.increment();
            return null;
        }
        if (!catchUp(accountId, entry)) {
            fallbacks.increment();
            return null;
        }
        entry.lock.readLock().lock();
        try {
            AccountIndex index = entry.index;
            return index == null ? null : evaluation.apply(index);
        } catch (BitmapEvaluator.NotIndexed e) {
            fallbacks.increment();
            return null;
        } finally {
            entry.lock.readLock().unlock();
        }
    }

    /** Applies committed changes the index has not seen; false when the account must be rebuilt first. */
    private boolean catchUp(long accountId, IndexedAccount entry) {
        long latest = snapshots.version(accountId);
        while (true) {
            AccountIndex index = entry.index;
            if (index == null) {
                return false;
            }
            long from = index.version;
            if (latest <= from) {
                return true;
            }
            LeadSnapshots.Changes changes = snapshots.changesSince(accountId, from);
            if (changes.wholeAccount()) {
                entry.lock.writeLock().lock();
                try {
                    if (entry.index == index) {
                        entry.index = null;
                    }
                } finally {
                    entry.lock.writeLock().unlock();
                }
                startBuildIfNeeded(accountId, entry);
                return false;
            }
            entry.lock.writeLock().lock();
            try {
                if (entry.index == index && index.version == from) {
                    apply(index, changes);
                    return true;
                }
            } finally {
                entry.lock.writeLock().unlock();
            }
        }
    }

    private static void apply(AccountIndex index, LeadSnapshots.Changes changes) {
        java.util.Set<Long> stillThere = new java.util.HashSet<>();
        changes.current().forEach(lead -> {
            index.put(lead);
            stillThere.add(lead.id());
        });
        changes.changedIds().stream().filter(id -> !stillThere.contains(id)).forEach(index::remove);
        index.version = changes.version();
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
        AccountIndex index = new IndexLoader(snapshots, applier).load(accountId);
        entry.lock.writeLock().lock();
        try {
            entry.index = index;
            entry.bytes = index.sizeInBytes();
        } finally {
            entry.lock.writeLock().unlock();
        }
        log.info("Count index of account {} built: {} leads, {} bytes ({} B/lead) in {} ms", accountId,
                index.leadCount(), entry.bytes, index.leadCount() == 0 ? 0 : entry.bytes / index.leadCount(),
                (System.nanoTime() - started) / 1_000_000);
        evictBeyondCap(accountId);
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
    void stop() {
        builder.shutdownNow();
        applier.shutdownNow();
    }
}
