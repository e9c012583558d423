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
                LeadSnapshots.Changes changes = snapshots.changesSince(accountId, from);
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
