package com.asan.audience.intake;

import com.asan.audience.lead.IncomingLead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads, converts and checks the file's rows in batches on a thread of its own, ahead of the caller, so this Java
 * work for the next batch overlaps with writing the current one to the database. Memory stays bounded: at most
 * two prepared batches wait. A failure while reading reaches the caller after the batches read before it.
 *
 * @param <P> the prepared form of a batch's leads
 */
final class ConvertedBatches<P> implements AutoCloseable {

    /** One batch: the leads to write, the rows that failed conversion, and the row to resume after it. */
    record Batch<P>(P leads, List<RowConverter.RowError> errors, long failedRows, Map<Long, List<String>> cells,
                    long nextRow) {
    }

    private record Item<P>(Batch<P> batch, RuntimeException failure, boolean end) {
    }

    private final BlockingQueue<Item<P>> ready = new ArrayBlockingQueue<>(2);
    private final Function<List<IncomingLead>, P> prepare;
    private final Thread reader;
    private volatile boolean closed;

    ConvertedBatches(CsvRows rows, RowConverter converter, Function<List<IncomingLead>, P> prepare, int batchSize,
                     long alreadyDone) {
        this.prepare = prepare;
        this.reader = new Thread(() -> read(rows, converter, batchSize, alreadyDone), "import-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next batch, or null after the last one. */
    Batch<P> next() throws InterruptedException {
        Item<P> item = ready.take();
        if (item.failure() != null) {
            throw item.failure();
        }
        return item.end() ? null : item.batch();
    }

    private void read(CsvRows rows, RowConverter converter, int batchSize, long alreadyDone) {
        try {
            long read = 0;
            List<CsvRows.Row> batch = new ArrayList<>(batchSize);
            for (CsvRows.Row row : rows) {
                if (read++ < alreadyDone) {
                    continue;
                }
                batch.add(row);
                if (batch.size() == batchSize) {
                    if (!hand(new Item<>(convert(converter, batch, read), null, false))) {
                        return;
                    }
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty() && !hand(new Item<>(convert(converter, batch, read), null, false))) {
                return;
            }
            hand(new Item<>(null, null, true));
        } catch (RuntimeException e) {
            hand(new Item<>(null, e, false));
        }
    }

    /** Waits for room; false once the caller has closed (it may never take again, so never block for good). */
    private boolean hand(Item<P> item) {
        try {
            while (!closed) {
                if (ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private Batch<P> convert(RowConverter converter, List<CsvRows.Row> rows, long nextRow) {
        List<RowConverter.RowError> errors = new ArrayList<>();
        List<IncomingLead> leads = new ArrayList<>(rows.size());
        Map<Long, List<String>> cells = new HashMap<>();
        long failed = 0;
        for (CsvRows.Row row : rows) {
            RowConverter.Converted converted = converter.convert(row);
            if (converted.lead() == null) {
                errors.addAll(converted.errors());
                failed++;
            } else {
                leads.add(converted.lead());
                cells.put(row.number(), row.fields());
            }
        }
        return new Batch<>(prepare.apply(leads), errors, failed, cells, nextRow);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        reader.interrupt();
        reader.join();
    }
}
