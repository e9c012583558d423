package com.asan.audience.countindex;

import com.asan.audience.lead.LeadBatch;
import com.asan.audience.lead.LeadSnapshots;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds an account's index from one snapshot on two threads: the calling thread reads batches of leads from
 * PostgreSQL (its transaction is bound to it) while the applier thread adds the previous batch to a
 * {@link FreshIndexBuilder}.
 */
final class IndexLoader {

    private static final LeadBatch END = LeadBatch.of(List.of());

    private final LeadSnapshots snapshots;
    private final ExecutorService applier;

    IndexLoader(LeadSnapshots snapshots, ExecutorService applier) {
        this.snapshots = snapshots;
        this.applier = applier;
    }

    AccountIndex load(long accountId) {
        FreshIndexBuilder builder = new FreshIndexBuilder(accountId);
        // few batches in flight: every young collection copies the queued batches, so a long queue costs GC time
        BlockingQueue<LeadBatch> batches = new ArrayBlockingQueue<>(4);
        CompletableFuture<Void> applying = CompletableFuture.runAsync(() -> {
            try {
                for (LeadBatch batch = batches.take(); batch != END; batch = batches.take()) {
                    builder.add(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, applier);
        long version;
        try {
            version = snapshots.loadAll(accountId, batch -> handOver(batches, batch, applying));
        } finally {
            // also when reading failed: the applier must not wait for batches that will never come
            handOver(batches, END, applying);
        }
        applying.join();
        AccountIndex index = builder.finish();
        index.version = version;
        index.optimize();
        return index;
    }

    private static void handOver(BlockingQueue<LeadBatch> batches, LeadBatch batch,
                                 CompletableFuture<Void> applying) {
        try {
            while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (applying.isDone()) {
                    applying.join();
                    throw new IllegalStateException("the index applier stopped early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the count index", e);
        }
    }
}
