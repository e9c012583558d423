package com.asan.audience.countindex;

import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.lead.LeadSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds an account's index from one snapshot on two threads: the calling thread reads rows from PostgreSQL
 * (its transaction is bound to it) while the applier thread adds the previous batch to a {@link FreshIndexBuilder}.
 */
final class IndexLoader {

    private static final int BATCH = 4_096;
    private static final List<LeadFacts> END = List.of();

    private final LeadSnapshots snapshots;
    private final ExecutorService applier;

    IndexLoader(LeadSnapshots snapshots, ExecutorService applier) {
        this.snapshots = snapshots;
        this.applier = applier;
    }

    AccountIndex load(long accountId) {
        FreshIndexBuilder builder = new FreshIndexBuilder(accountId);
        // few batches in flight: every young collection copies the queued leads, so a long queue costs GC time
        BlockingQueue<List<LeadFacts>> batches = new ArrayBlockingQueue<>(4);
        CompletableFuture<Void> applying = CompletableFuture.runAsync(() -> {
            try {
                for (List<LeadFacts> batch = batches.take(); batch != END; batch = batches.take()) {
                    batch.forEach(builder::add);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, applier);
        List<List<LeadFacts>> current = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
        long version;
        try {
            version = snapshots.loadAll(accountId, lead -> {
                current.get(0).add(lead);
                if (current.get(0).size() == BATCH) {
                    handOver(batches, current.get(0), applying);
                    current.set(0, new ArrayList<>(BATCH));
                }
            });
            handOver(batches, current.get(0), applying);
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

    private static void handOver(BlockingQueue<List<LeadFacts>> batches, List<LeadFacts> batch,
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
