package com.asan.audience.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InOrderBatchesTest {

    @Test
    void batchesWithoutSharedKeysAreWrittenAtTheSameTimeButFinishInOrder() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch secondStarted = new CountDownLatch(1);
        try (InOrderBatches batches = new InOrderBatches(Duration.ofSeconds(30))) {
            batches.submit(Set.of("e:a@example.com"), awaitEarlier -> {
                events.add("first writes");
                await(secondStarted); // only possible if the second batch runs meanwhile
                awaitEarlier.run();
                events.add("first commits");
            });
            batches.submit(Set.of("e:b@example.com"), awaitEarlier -> {
                events.add("second writes");
                secondStarted.countDown();
                awaitEarlier.run();
                events.add("second commits");
            });
            batches.awaitAll();
        }
        assertThat(events).containsSubsequence("first commits", "second commits");
        assertThat(events.indexOf("second writes")).isLessThan(events.indexOf("first commits"));
    }

    @Test
    void aBatchSharingAKeyStartsOnlyAfterTheOneBeforeItCommitted() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (InOrderBatches batches = new InOrderBatches(Duration.ofSeconds(30))) {
            batches.submit(Set.of("e:a@example.com", "p:+14165550100"), awaitEarlier -> {
                events.add("first writes");
                awaitEarlier.run();
                events.add("first commits");
            });
            batches.submit(Set.of("p:+14165550100"), awaitEarlier -> events.add("second writes"));
            batches.awaitAll();
        }
        assertThat(events).containsExactly("first writes", "first commits", "second writes");
    }

    @Test
    void theFirstFailureIsReportedAndLaterBatchesDoNotCommit() {
        List<String> events = new CopyOnWriteArrayList<>();
        InOrderBatches batches = new InOrderBatches(Duration.ofSeconds(30));
        batches.submit(Set.of(), awaitEarlier -> {
            throw new IllegalStateException("boom");
        });
        batches.submit(Set.of(), awaitEarlier -> {
            awaitEarlier.run();
            events.add("second commits");
        });
        assertThatThrownBy(batches::awaitAll).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        batches.close();
        assertThat(events).isEmpty();
    }

    @Test
    void aBatchThatWaitedTooLongForTheEarlierOneWritesAgainAfterIt() {
        AtomicInteger secondAttempts = new AtomicInteger();
        CountDownLatch secondGaveUp = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        try (InOrderBatches batches = new InOrderBatches(Duration.ofMillis(50))) {
            batches.submit(Set.of(), awaitEarlier -> {
                await(secondGaveUp); // as if waiting on a lock the second batch holds
                events.add("first commits");
            });
            batches.submit(Set.of(), awaitEarlier -> {
                int attempt = secondAttempts.incrementAndGet();
                try {
                    awaitEarlier.run();
                } finally {
                    if (attempt == 1) {
                        secondGaveUp.countDown();
                    }
                }
                events.add("second commits on attempt " + attempt);
            });
            batches.awaitAll();
        }
        assertThat(events).containsExactly("first commits", "second commits on attempt 2");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("waited 30 s for the other batch").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
