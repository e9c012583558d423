package com.asan.audience.criteria;

import com.asan.audience.criteria.Check.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Turns a {@link TimeWindow} into bounds, the single definition every evaluator uses. In the account's zone:
 * in_last_days N means after now − N×24h; before D means before the start of D; after D means from the start of
 * the day after D; between [A, B] means from the start of A to the end of B.
 */
public final class TimeWindows {

    private TimeWindows() {
    }

    /** Bounds on an instant: {@code fromExclusive < t}, {@code fromInclusive <= t}, {@code t < toExclusive}; null = open. */
    public record InstantBounds(Instant fromExclusive, Instant fromInclusive, Instant toExclusive) {

        public boolean contains(Instant t) {
            return (fromExclusive == null || t.isAfter(fromExclusive))
                    && (fromInclusive == null || !t.isBefore(fromInclusive))
                    && (toExclusive == null || t.isBefore(toExclusive));
        }
    }

    /** Inclusive bounds on a calendar date; null = open. */
    public record DateBounds(LocalDate from, LocalDate to) {

        public boolean contains(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }
    }

    public static InstantBounds forInstant(TimeWindow window, EvaluationContext context) {
        if (window instanceof TimeWindow.LastDays last) {
            return new InstantBounds(context.now().minus(Duration.ofDays(last.days())), null, null);
        }
        if (window instanceof TimeWindow.Before before) {
            return new InstantBounds(null, null, startOf(before.date(), context));
        }
        if (window instanceof TimeWindow.After after) {
            return new InstantBounds(null, startOf(after.date().plusDays(1), context), null);
        }
        TimeWindow.Between between = (TimeWindow.Between) window;
        return new InstantBounds(null, startOf(between.from(), context), startOf(between.to().plusDays(1), context));
    }

    /** A date counts as its start of day in the account's zone, so a date is "in the last N days" when that is. */
    public static DateBounds forDate(TimeWindow window, EvaluationContext context) {
        if (window instanceof TimeWindow.LastDays last) {
            Instant threshold = context.now().minus(Duration.ofDays(last.days()));
            return new DateBounds(LocalDate.ofInstant(threshold, context.zone()).plusDays(1), null);
        }
        if (window instanceof TimeWindow.Before before) {
            return new DateBounds(null, before.date().minusDays(1));
        }
        if (window instanceof TimeWindow.After after) {
            return new DateBounds(after.date().plusDays(1), null);
        }
        TimeWindow.Between between = (TimeWindow.Between) window;
        return new DateBounds(between.from(), between.to());
    }

    private static Instant startOf(LocalDate date, EvaluationContext context) {
        return date.atStartOfDay(context.zone()).toInstant();
    }
}
