package com.asan.audience.lead;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rows sorted by lead id that a merge walks alongside the leads: either read beforehand, or read by another thread
 * while the merge runs, handed over in batches through a bounded queue.
 */
abstract sealed class SideRows<T> implements AutoCloseable {

    /** Reads every row into the sink, on the executor's thread. */
    @FunctionalInterface
    interface Producer<T> {
        void produce(java.util.function.Consumer<T> sink) throws SQLException;
    }

    /** The current row, or null after the last. */
    abstract T head();

    abstract void advance();

    @Override
    public void close() {
    }

    static <T> SideRows<T> of(List<T> rows) {
        return new Listed<>(rows);
    }

    static <T> SideRows<T> readConcurrently(Producer<T> producer, Executor executor) {
        return new Queued<>(producer, executor);
    }

    private static final class Listed<T> extends SideRows<T> {
        private final List<T> rows;
        private int index;

        Listed(List<T> rows) {
            this.rows = rows;
        }

        @Override
        T head() {
            return index < rows.size() ? rows.get(index) : null;
        }

        @Override
        void advance() {
            index++;
        }
    }

    private static final class Queued<T> extends SideRows<T> {
        private static final int BATCH = 8_192;
        private static final List<Object> END = List.of();

        private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(8);
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private final CompletableFuture<Void> producing;
        private List<T> batch = List.of();
        private int index;
        private boolean ended;

        Queued(Producer<T> producer, Executor executor) {
            producing = CompletableFuture.runAsync(() -> {
                List<List<T>> current = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
                try {
                    producer.produce(row -> {
                        current.get(0).add(row);
                        if (current.get(0).size() == BATCH) {
                            handOver(current.get(0));
                            current.set(0, new ArrayList<>(BATCH));
                        }
                    });
                    handOver(current.get(0));
                } catch (SQLException e) {
                    throw new CompletionException(e);
                } finally {
                    handOver(end());
                }
            }, executor);
        }

        @Override
        T head() {
            while (!ended && index >= batch.size()) {
                batch = take();
                index = 0;
                if (batch == END) {
                    ended = true;
                    producing.join();
                }
            }
            return ended ? null : batch.get(index);
        }

        @Override
        void advance() {
            index++;
        }

        /** Stops the producer if the merge ends early (a failure) and waits for it to let go of its connection. */
        @Override
        public void close() {
            abandoned.set(true);
            queue.clear();
            try {
                producing.get(1, TimeUnit.MINUTES);
            } catch (Exception ignored) {
                // its failure was reported by head(), or the merge's own failure is the one that matters
            }
        }

        private List<T> take() {
            try {
                while (true) {
                    List<T> next = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        return next;
                    }
                    if (producing.isDone() && queue.isEmpty()) {
                        producing.join();
                        return end();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a lead snapshot", e);
            }
        }

        private void handOver(List<T> rows) {
            try {
                while (!abandoned.get() && !queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                    // the merge is slower than this stream; wait for room
                }
                if (abandoned.get()) {
                    throw new CompletionException(new IllegalStateException("the merge stopped reading"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }

        @SuppressWarnings("unchecked")
        private static <T> List<T> end() {
            return (List<T>) END;
        }
    }
}
