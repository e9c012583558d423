package com.asan.audience.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Side rows read on another thread arrive whole and in order, report the reader's failure, and stop it when abandoned. */
class SideRowsTest {

    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void everyRowArrivesInOrderAcrossBatches() {
        int rows = 50_000; // several of the reader's batches and more than its queue holds
        List<Integer> seen = new ArrayList<>();
        try (SideRows side = SideRows.readConcurrently(2, sink -> {
            for (int i = 0; i < rows; i++) {
                sink.put(i);
                sink.put(-i);
            }
        }, readers)) {
            for (; side.hasRow(); side.advance()) {
                assertThat(side.get(1)).isEqualTo(-side.get(0));
                seen.add((int) side.get(0));
            }
        }
        assertThat(seen).hasSize(rows).isSorted();
        assertThat(seen.get(rows - 1)).isEqualTo(rows - 1);
    }

    @Test
    void aFailingReaderFailsTheMergeInsteadOfEndingItEarly() {
        try (SideRows side = SideRows.readConcurrently(1, sink -> {
            for (int i = 0; i < 10_000; i++) {
                sink.put(i);
            }
            throw new SQLException("connection lost");
        }, readers)) {
            assertThatThrownBy(() -> {
                while (side.hasRow()) {
                    side.advance();
                }
            }).isInstanceOf(CompletionException.class).hasRootCauseMessage("connection lost");
        }
    }

    @Test
    void abandoningTheMergeStopsTheReader() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        SideRows side = SideRows.readConcurrently(1, sink -> {
            started.countDown();
            try {
                for (int i = 0; ; i++) {
                    sink.put(i); // endless: only abandonment can stop it
                }
            } finally {
                finished.set(true);
            }
        }, readers);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(side.hasRow()).isTrue();
        assertThat(side.get(0)).isZero();
        side.close();
        assertThat(finished).as("the reader stopped before close returned").isTrue();
    }
}
