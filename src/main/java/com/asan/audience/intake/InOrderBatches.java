package com.asan.audience.intake;

import com.asan.audience.shared.DaemonThreads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes an import's batches two at a time, each on its own thread (so its own connection), committing them in
 * file order: a batch writes its leads, then waits for the batch before it to commit, and only then touches the
 * account's change feed and the import's progress. So the progress row always names a prefix of the file, and a
 * restart resumes exactly as with one batch at a time.
 *
 * <p>A batch that shares a duplicate key (an email, or a phone without email) with the batch before it starts only
 * once that one committed: file order decides which row creates a lead and which updates it, and the two never
 * wait on each other's rows. Should a batch still wait longer than {@code patience} (the earlier batch might be
 * waiting on a lock of this one, which PostgreSQL cannot see as a deadlock), it rolls back and writes again once
 * the earlier batch ended.
 */
final class InOrderBatches implements AutoCloseable {

    static final int IN_FLIGHT = 2;

    /** One batch's transaction; it calls {@code awaitEarlier} after writing its leads, before its change feed. */
    interface BatchWrite {
        void write(Runnable awaitEarlier);
    }

    private static final class EarlierStillOpen extends RuntimeException {
        EarlierStillOpen() {
            super("the earlier batch has not committed yet", null, false, false);
        }
    }

    static final class EarlierBatchFailed extends RuntimeException {
        EarlierBatchFailed(Throwable cause) {
            super("an earlier batch of this import failed", cause);
        }
    }

    private final ExecutorService writers = DaemonThreads.pool(IN_FLIGHT, "import-writer", true);
    private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    private final Duration patience;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private Set<String> lastKeys = Set.of();

    InOrderBatches(Duration patience) {
        this.patience = patience;
    }

    /** Hands a batch to a writer; blocks while two are in flight, or until the last one committed if keys overlap. */
    void submit(Set<String> duplicateKeys, BatchWrite write) {
        if (inFlight.size() == IN_FLIGHT) {
            awaitOutcome(inFlight.removeFirst());
        }
        if (!Collections.disjoint(duplicateKeys, lastKeys)) {
            awaitOutcome(last);
        }
        CompletableFuture<Void> earlier = last;
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> writeInOrder(write, earlier), writers);
        inFlight.addLast(done);
        last = done;
        lastKeys = duplicateKeys;
    }

    /** Waits for every batch handed over; throws the first failure, in file order. */
    void awaitAll() {
        while (!inFlight.isEmpty()) {
            awaitOutcome(inFlight.removeFirst());
        }
    }

    /** Lets the batches already handed over finish (they roll back if an earlier one failed), then stops. */
    @Override
    public void close() {
        inFlight.forEach(batch -> batch.handle((ok, failure) -> null).join());
        inFlight.clear();
        writers.shutdown();
    }

    private void writeInOrder(BatchWrite write, CompletableFuture<Void> earlier) {
        while (true) {
            try {
                write.write(() -> awaitEarlier(earlier));
                return;
            } catch (EarlierStillOpen e) {
                earlier.handle((ok, failure) -> null).join();
            }
        }
    }

    private void awaitEarlier(CompletableFuture<Void> earlier) {
        try {
            earlier.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EarlierStillOpen();
        } catch (ExecutionException e) {
            throw new EarlierBatchFailed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EarlierBatchFailed(e);
        }
    }

    private static void awaitOutcome(CompletableFuture<Void> batch) {
        try {
            batch.join();
        } catch (CompletionException e) {
            Throwable failure = e.getCause();
            while (failure instanceof EarlierBatchFailed && failure.getCause() instanceof RuntimeException earlier) {
                failure = earlier; // report what went wrong first, not that later batches stopped because of it
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
