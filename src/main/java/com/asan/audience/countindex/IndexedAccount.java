package com.asan.audience.countindex;

import com.asan.audience.lead.LeadSnapshots;
import io.micrometer.core.instrument.Counter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One account's slot in {@link AccountIndexes}: its loaded index (null while it builds), the lock that counts read
 * it under, and the catch-up that brings it to the change feed's latest version before each use.
 */
final class IndexedAccount {

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object catchingUp = new Object();
    volatile AccountIndex index;
    volatile CompletableFuture<Void> building;
    volatile long bytes;
    volatile long snapshotVersion = -1;

    /**
     * How many changed leads a catch-up reloads before a rebuild is the better deal. Measured at 1M and 10M leads
     * (docs/count-index.md): replaying costs about 40 µs per changed lead, a rebuild 6–8 µs per lead of the account,
     * so replaying wins below about a fifth of the account; an eighth leaves a margin, because counts wait for a
     * catch-up while PostgreSQL answers them during a rebuild. Never fewer than the feed's own
     * {@link LeadSnapshots#MAX_CHANGED_LEADS}; never more than {@value #MOST_CHANGED_LEADS_REPLAYED}, which are held
     * in memory at once.
     */
    static int changedLeadsWorthReplaying(int leadCount) {
        return Math.max(LeadSnapshots.MAX_CHANGED_LEADS, Math.min(MOST_CHANGED_LEADS_REPLAYED, leadCount / 8));
    }

    static final int MOST_CHANGED_LEADS_REPLAYED = 200_000;

    /**
     * Applies the committed changes up to {@code latest} that the index has not seen. False when only a rebuild is
     * exact: the index is then dropped, and the caller starts the rebuild. One caller reads the change feed at a
     * time; the others wait for it and usually find the index current, rather than read the same leads again.
     */
    boolean catchUp(LeadSnapshots snapshots, Counter changeReads, long accountId, long latest) {
        AccountIndex seen = index;
        if (seen != null && latest <= seen.version) {
            return true;
        }
        synchronized (catchingUp) {
            while (true) {
                AccountIndex current = index;
                if (current == null) {
                    return false;
                }
                long from = current.version;
                if (latest <= from) {
                    return true;
                }
                LeadSnapshots.Changes changes = snapshots.changesSince(accountId, from,
                        changedLeadsWorthReplaying(current.leadCount()));
                changeReads.increment();
                lock.writeLock().lock();
                try {
                    if (index != current || current.version != from) {
                        continue; // rebuilt or unloaded meanwhile: look again
                    }
                    if (changes.wholeAccount()) {
                        index = null;
                        return false;
                    }
                    current.apply(changes);
                    return true;
                } finally {
                    lock.writeLock().unlock();
                }
            }
        }
    }
}
