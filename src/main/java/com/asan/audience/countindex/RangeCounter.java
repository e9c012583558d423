package com.asan.audience.countindex;

import com.asan.audience.criteria.Check;
import com.asan.audience.criteria.CustomAttribute;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.StandardAttribute;
import com.asan.audience.criteria.TimeWindows;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.roaringbitmap.RoaringBitmap;

/**
 * Range checks (times, numbers, dates): counted from bucket and value cardinalities, or applied to a smaller
 * candidate set; also converts time bounds to {@link TimeColumn} keys.
 */
final class RangeCounter {

    private final AccountIndex index;
    private final EvaluationContext context;

    RangeCounter(AccountIndex index, EvaluationContext context) {
        this.index = index;
        this.context = context;
    }

    /** A range check bound to its structure: counted from cardinalities, or applied to a candidate set. */
    interface Range {
        long count();

        /** The candidates inside the range (a fresh bitmap). */
        RoaringBitmap restrict(RoaringBitmap candidates);
    }

    /**
     * Counts a range check from bucket or value cardinalities, without building its bitmap; -1 when the check is
     * not a range. Every structure holds live ordinals only (deletes clear them), so no intersection is needed.
     */
    long count(Check check) {
        Range range = range(check);
        return range == null ? -1 : range.count();
    }

    /** The check as a {@link Range}, or null when it is not one. */
    Range range(Check check) {
        if (check instanceof Check.TimeIn time && time.attribute() instanceof StandardAttribute attribute) {
            TimeColumn column = attribute == StandardAttribute.CREATED ? index.created : index.lastActive;
            long[] bounds = keys(TimeWindows.forInstant(time.window(), context));
            return timeRange(column, bounds[0], bounds[1]);
        }
        if (check instanceof Check.TimeIn time && time.attribute() instanceof CustomAttribute attribute) {
            TimeWindows.DateBounds bounds = TimeWindows.forDate(time.window(), context);
            return valueRange(index.<java.time.LocalDate>customValues(attribute), bounds.from(), true,
                    bounds.to(), true);
        }
        if (check instanceof Check.NumberBetween between) {
            return valueRange(index.<BigDecimal>customValues(between.attribute()), between.low(), true,
                    between.high(), true);
        }
        if (check instanceof Check.NumberCompare compare && compare.comparison() != Check.Comparison.EQ) {
            ValueBitmaps<BigDecimal> values = index.customValues(compare.attribute());
            BigDecimal v = compare.operand();
            return switch (compare.comparison()) {
                case GT -> valueRange(values, v, false, null, false);
                case GTE -> valueRange(values, v, true, null, false);
                case LT -> valueRange(values, null, false, v, false);
                default -> valueRange(values, null, false, v, true);
            };
        }
        if (check instanceof Check.Engaged engaged && engaged.campaign().kind() == Check.CampaignRef.Kind.ANY
                && engaged.withinDays() != null) {
            TimeColumn latest = index.latestEngagement.get(engaged.kind().name().toLowerCase(Locale.ROOT));
            Instant since = context.now().minus(Duration.ofDays(engaged.withinDays()));
            return latest == null ? EMPTY : timeRange(latest, afterKey(since), TimeColumn.NONE);
        }
        return null;
    }

    private static final Range EMPTY = new Range() {
        public long count() {
            return 0;
        }

        public RoaringBitmap restrict(RoaringBitmap candidates) {
            return new RoaringBitmap();
        }
    };

    private static Range timeRange(TimeColumn column, long from, long to) {
        return new Range() {
            public long count() {
                return column.countRange(from, to);
            }

            public RoaringBitmap restrict(RoaringBitmap candidates) {
                // an ordinal's day is known only from the buckets, so the range is built (its whole days are kept)
                return RoaringBitmap.and(candidates, column.range(from, to));
            }
        };
    }

    private static <K> Range valueRange(ValueBitmaps<K> values, K low, boolean lowInclusive, K high,
                                        boolean highInclusive) {
        return new Range() {
            public long count() {
                return values.countRange(low, lowInclusive, high, highInclusive);
            }

            public RoaringBitmap restrict(RoaringBitmap candidates) {
                return values.restrictRange(candidates, low, lowInclusive, high, highInclusive);
            }
        };
    }

    /** Time bounds as {@link TimeColumn} keys: [from, to); bounds must be whole seconds. */
    static long[] keys(TimeWindows.InstantBounds bounds) {
        long from = TimeColumn.NONE;
        if (bounds.fromExclusive() != null) {
            from = afterKey(bounds.fromExclusive());
        }
        if (bounds.fromInclusive() != null) {
            from = Math.max(from, 2 * whole(bounds.fromInclusive()));
        }
        long to = bounds.toExclusive() == null ? TimeColumn.NONE : 2 * whole(bounds.toExclusive());
        return new long[] {from, to};
    }

    static long afterKey(Instant bound) {
        return 2 * whole(bound) + 1;
    }

    private static long whole(Instant bound) {
        if (bound.getNano() != 0) {
            throw new BitmapEvaluator.NotIndexed("a time bound with a fraction of a second");
        }
        return bound.getEpochSecond();
    }

}
