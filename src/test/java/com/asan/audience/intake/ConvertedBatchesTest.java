package com.asan.audience.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.asan.audience.lead.DuplicatePolicy;
import com.asan.audience.lead.IncomingLead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The import's read-ahead thread: batches in file order, a read failure reaches the caller, closing never hangs. */
class ConvertedBatchesTest {

    private static final CsvFormat UTF8_COMMA = new CsvFormat("UTF-8", false, ',');

    @Test
    void aReadFailureArrivesAfterTheBatchesReadBeforeIt() {
        CountDownLatch failed = new CountDownLatch(1);
        // five rows in batches of two, then the read past the end fails
        InputStream breaksAfterFiveRows = new InputStream() {
            private final InputStream rows = csv(5);

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = rows.read(buffer, offset, Math.min(length, 16)); // small reads: the failure comes last
                if (n < 0) {
                    failed.countDown();
                    throw new IOException("disk gone");
                }
                return n;
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CsvRows rows = CsvRows.open(breaksAfterFiveRows, UTF8_COMMA);
                 var batches = new ConvertedBatches<>(rows, converter(rows), List::size, 2, 0)) {
                failed.await();
                assertThat(batches.next().leads()).isEqualTo(2);
                ConvertedBatches.Batch<Integer> second = batches.next();
                assertThat(second.leads()).isEqualTo(2);
                assertThat(second.nextRow()).isEqualTo(4);
                assertThatThrownBy(batches::next).isInstanceOf(UncheckedIOException.class)
                        .hasRootCauseMessage("disk gone");
            }
        });
    }

    @Test
    void resumesAfterTheRowsAlreadyDoneAndEndsWithNull() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CsvRows rows = CsvRows.open(csv(7), UTF8_COMMA);
                 var batches = new ConvertedBatches<List<IncomingLead>>(rows, converter(rows), leads -> leads, 3, 2)) {
                var first = batches.next();
                assertThat(first.leads()).extracting(IncomingLead::rowNumber).containsExactly(4L, 5L, 6L);
                assertThat(first.nextRow()).isEqualTo(5);
                var last = batches.next();
                assertThat(last.leads()).extracting(IncomingLead::rowNumber).containsExactly(7L, 8L);
                assertThat(last.nextRow()).isEqualTo(7);
                assertThat(batches.next()).isNull();
            }
        });
    }

    @Test
    void closingWhileTheReaderWaitsForRoomReturns() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CsvRows rows = CsvRows.open(csv(1_000), UTF8_COMMA);
                 var batches = new ConvertedBatches<>(rows, converter(rows), List::size, 10, 0)) {
                assertThat(batches.next().leads()).isEqualTo(10);
            }
        });
    }

    private static InputStream csv(int rows) {
        StringBuilder text = new StringBuilder("email,first name\n");
        for (int i = 1; i <= rows; i++) {
            text.append("lead").append(i).append("@example.com,Lead ").append(i).append('\n');
        }
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static RowConverter converter(CsvRows rows) {
        ImportOptions options = new ImportOptions(Map.of("email", "email", "first name", "firstName"), List.of(),
                Map.of(), ",", DuplicatePolicy.SKIP, List.of(), null);
        return new RowConverter(rows.header(), options, Map.of(), Map.of());
    }
}
