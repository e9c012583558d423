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
import java.util.function.ObjIntConsumer;

/**
 * Builds an account's index from one snapshot on three threads: the calling thread reads rows from PostgreSQL
 * (its transaction is bound to it) and gives each lead its ordinal, while two appliers put the previous batches
 * into disjoint structures, one the labels ({@link AccountIndex#putLabels}), the other times, custom fields and
 * engagement ({@link AccountIndex#putTimesAndFields}).
 */
final class IndexLoader {

    static final int APPLIERS = 2;
    private static final int BATCH = 4_096;
    private static final Batch END = new Batch(List.of(), new int[0]);

    private record Batch(List<LeadFacts> leads, int[] ordinals) {
    }

    private record Applier(BlockingQueue<Batch> batches, CompletableFuture<Void> done) {
    }

    private final LeadSnapshots snapshots;
    private final ExecutorService appliers;

    /** {@code appliers} must be able to run {@value #APPLIERS} tasks at once. */
    IndexLoader(LeadSnapshots snapshots, ExecutorService appliers) {
        this.snapshots = snapshots;
        this.appliers = appliers;
    }

    AccountIndex load(long accountId) {
        AccountIndex index = new AccountIndex(accountId);
        List<Applier> running = List.of(start(index::putLabels), start(index::putTimesAndFields));
        List<List<LeadFacts>> current = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
        try {
            index.version = snapshots.loadAll(accountId, lead -> {
                current.get(0).add(lead);
                if (current.get(0).size() == BATCH) {
                    handOver(running, numbered(index, current.get(0)));
                    current.set(0, new ArrayList<>(BATCH));
                }
            });
            handOver(running, numbered(index, current.get(0)));
        } finally {
            // also when reading or an applier failed: no applier may wait for batches that will never come
            running.forEach(applier -> offerUnlessStopped(applier, END));
        }
        running.forEach(applier -> applier.done().join());
        index.optimize();
        return index;
    }

    private static Batch numbered(AccountIndex index, List<LeadFacts> leads) {
        int[] ordinals = new int[leads.size()];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = index.addNew(leads.get(i));
        }
        return new Batch(leads, ordinals);
    }

    private Applier start(ObjIntConsumer<LeadFacts> put) {
        BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(16);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                for (Batch batch = batches.take(); batch != END; batch = batches.take()) {
                    for (int i = 0; i < batch.ordinals().length; i++) {
                        put.accept(batch.leads().get(i), batch.ordinals()[i]);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, appliers);
        return new Applier(batches, done);
    }

    private static void handOver(List<Applier> running, Batch batch) {
        for (Applier applier : running) {
            if (!offerUnlessStopped(applier, batch)) {
                applier.done().join();
                throw new IllegalStateException("an index applier stopped early");
            }
        }
    }

    /** False when the applier has stopped (failed) and will take no more batches. */
    private static boolean offerUnlessStopped(Applier applier, Batch batch) {
        try {
            while (!applier.batches().offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (applier.done().isDone()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the count index", e);
        }
    }
}
