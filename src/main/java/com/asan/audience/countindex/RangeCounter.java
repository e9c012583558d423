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

/** Counts range checks from bucket and value cardinalities, and converts time bounds to microseconds. */
final class RangeCounter {

    private final AccountIndex index;
    private final EvaluationContext context;

    RangeCounter(AccountIndex index, EvaluationContext context) {
        this.index = index;
        this.context = context;
    }

    /**
     * Counts a range check from bucket or value cardinalities, without building its bitmap; -1 when the check is
     * not a range. Every structure holds live ordinals only (deletes clear them), so no intersection is needed.
     */
    long count(Check check) {
        if (check instanceof Check.TimeIn time && time.attribute() instanceof StandardAttribute attribute) {
            TimeColumn column = attribute == StandardAttribute.CREATED ? index.created : index.lastActive;
            long[] bounds = keys(TimeWindows.forInstant(time.window(), context));
            return column.countRange(bounds[0], bounds[1]);
        }
        if (check instanceof Check.TimeIn time && time.attribute() instanceof CustomAttribute attribute) {
            TimeWindows.DateBounds bounds = TimeWindows.forDate(time.window(), context);
            return RangeCounter.<java.time.LocalDate>custom(index, attribute).countRange(bounds.from(), true, bounds.to(), true);
        }
        if (check instanceof Check.NumberBetween between) {
            return RangeCounter.<BigDecimal>custom(index, between.attribute()).countRange(between.low(), true, between.high(), true);
        }
        if (check instanceof Check.NumberCompare compare && compare.comparison() != Check.Comparison.EQ) {
            ValueBitmaps<BigDecimal> values = custom(index, compare.attribute());
            BigDecimal v = compare.operand();
            return switch (compare.comparison()) {
                case GT -> values.countRange(v, false, null, false);
                case GTE -> values.countRange(v, true, null, false);
                case LT -> values.countRange(null, false, v, false);
                default -> values.countRange(null, false, v, true);
            };
        }
        if (check instanceof Check.Engaged engaged && engaged.campaign().kind() == Check.CampaignRef.Kind.ANY
                && engaged.withinDays() != null) {
            TimeColumn latest = index.latestEngagement.get(engaged.kind().name().toLowerCase(Locale.ROOT));
            Instant since = context.now().minus(Duration.ofDays(engaged.withinDays()));
            return latest == null ? 0 : latest.countRange(afterKey(since), TimeColumn.NONE);
        }
        return -1;
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

    @SuppressWarnings("unchecked")
    private static <T> ValueBitmaps<T> custom(AccountIndex index, CustomAttribute attribute) {
        ValueBitmaps<Object> values = index.custom.get(attribute.key());
        return values == null ? (ValueBitmaps<T>) ValueBitmaps.sorted() : (ValueBitmaps<T>) values;
    }
}
