package com.asan.audience.lead;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rows of a few longs each, sorted by the first (a lead id), that a merge walks alongside the leads: either read
 * beforehand, or read by another thread while the merge runs, handed over in chunks through a bounded queue.
 * Rows are kept in flat arrays, not as an object each: millions of them pass during an index build.
 */
abstract sealed class SideRows implements AutoCloseable {

    /** Reads every row into the sink, on the executor's thread. */
    @FunctionalInterface
    interface Producer {
        void produce(RowSink sink) throws SQLException;
    }

    /** Takes rows value by value: a row is {@code width} calls. */
    @FunctionalInterface
    interface RowSink {
        void put(long value);
    }

    private final int width;
    long[] values = new long[0];
    int end;
    int position;

    SideRows(int width) {
        this.width = width;
    }

    /** Whether there is a current row; false after the last. */
    abstract boolean hasRow();

    /** A value of the current row. */
    long get(int column) {
        return values[position + column];
    }

    void advance() {
        position += width;
    }

    @Override
    public void close() {
    }

    /** Rows read on the calling thread, before the merge. */
    static SideRows read(int width, Producer producer) throws SQLException {
        Listed rows = new Listed(width);
        producer.produce(rows::add);
        return rows;
    }

    static SideRows readConcurrently(int width, Producer producer, Executor executor) {
        return new Queued(width, producer, executor);
    }

    private static final class Listed extends SideRows {
        Listed(int width) {
            super(width);
            values = new long[64];
        }

        void add(long value) {
            if (end == values.length) {
                values = Arrays.copyOf(values, end * 2);
            }
            values[end++] = value;
        }

        @Override
        boolean hasRow() {
            return position < end;
        }
    }

    private static final class Queued extends SideRows {
        private static final int CHUNK_ROWS = 8_192;
        private static final long[] END = new long[0];

        private final BlockingQueue<long[]> queue = new ArrayBlockingQueue<>(8);
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private final CompletableFuture<Void> producing;
        private boolean ended;

        Queued(int width, Producer producer, Executor executor) {
            super(width);
            producing = CompletableFuture.runAsync(() -> {
                long[][] chunk = {new long[CHUNK_ROWS * width]};
                int[] filled = {0};
                try {
                    producer.produce(value -> {
                        chunk[0][filled[0]++] = value;
                        if (filled[0] == chunk[0].length) {
                            handOver(chunk[0]);
                            chunk[0] = new long[CHUNK_ROWS * width];
                            filled[0] = 0;
                        }
                    });
                    if (filled[0] > 0) {
                        handOver(Arrays.copyOf(chunk[0], filled[0]));
                    }
                } catch (SQLException e) {
                    throw new CompletionException(e);
                } finally {
                    handOver(END);
                }
            }, executor);
        }

        @Override
        boolean hasRow() {
            while (!ended && position >= end) {
                values = take();
                position = 0;
                end = values.length;
                if (values == END) {
                    ended = true;
                    producing.join();
                }
            }
            return !ended;
        }

        /** Stops the producer if the merge ends early (a failure) and waits for it to let go of its connection. */
        @Override
        public void close() {
            abandoned.set(true);
            queue.clear();
            try {
                producing.get(1, TimeUnit.MINUTES);
            } catch (Exception ignored) {
                // its failure was reported by hasRow(), or the merge's own failure is the one that matters
            }
        }

        private long[] take() {
            try {
                while (true) {
                    long[] next = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        return next;
                    }
                    if (producing.isDone() && queue.isEmpty()) {
                        producing.join();
                        return END;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a lead snapshot", e);
            }
        }

        private void handOver(long[] rows) {
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
    }
}
