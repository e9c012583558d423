package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.roaringbitmap.RoaringBitmap;

/**
 * {@link TimeColumn}'s range answers against a plain filter of the keys, with keys and bounds on, next to and
 * between day boundaries (where a boundary day is taken whole or checked lead by lead), across rewrites of keys
 * within a day and to other days; each written value reads back exactly (its day from the buckets, its second of
 * the day from 2 bytes and two bits).
 */
class TimeColumnProperties {

    private static final long DAY = 2 * 86_400L;
    private static final long BASE = TimeColumn.key(Instant.parse("2026-11-20T00:00:00Z"));

    record Query(long from, long to) {
    }

    record Step(int ordinal, long key, Query query) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // mostly days around BASE; some about 123 years before (negative epoch days) or 82 years after
        Arbitrary<Integer> days = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, Arbitraries.integers().between(-1, 5)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-45_000, 30_000)));
        Arbitrary<Long> key = Combinators.combine(days,
                        Arbitraries.of(0L, 1L, 2L, DAY - 2, DAY - 1, DAY / 2, 7_200L, DAY - 7_200L),
                        Arbitraries.longs().between(0, DAY - 1))
                .as((day, offset, random) -> BASE + day * DAY + (random % 3 == 0 ? random : offset));
        Arbitrary<Long> bound = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(TimeColumn.NONE)), net.jqwik.api.Tuple.of(6, key));
        Arbitrary<Query> query = Combinators.combine(bound, bound).as(Query::new).injectNull(0.5);
        Arbitrary<Long> written = key.injectNull(0.1).map(k -> k == null ? TimeColumn.NONE : k);
        return Combinators.combine(Arbitraries.integers().between(0, 200), written, query).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300, seed = "20261126")
    void rangesMatchAFilterOfTheKeys(@ForAll("steps") List<Step> steps) {
        TimeColumn column = new TimeColumn();
        long[] keys = new long[201];
        java.util.Arrays.fill(keys, TimeColumn.NONE);
        for (Step step : steps) {
            column.set(step.ordinal(), step.key());
            keys[step.ordinal()] = step.key();
            assertThat(column.get(step.ordinal())).as("value read back after " + step).isEqualTo(step.key());
            Query query = step.query();
            if (query == null) {
                continue;
            }
            RoaringBitmap expected = new RoaringBitmap();
            for (int ordinal = 0; ordinal < keys.length; ordinal++) {
                long k = keys[ordinal];
                if (k != TimeColumn.NONE && (query.from() == TimeColumn.NONE || k >= query.from())
                        && (query.to() == TimeColumn.NONE || k < query.to())) {
                    expected.add(ordinal);
                }
            }
            String why = "range [" + query.from() + ", " + query.to() + ") after " + step;
            assertThat(column.range(query.from(), query.to())).as(why).isEqualTo(expected);
            assertThat(column.countRange(query.from(), query.to())).as(why).isEqualTo(expected.getLongCardinality());
        }
    }
}
