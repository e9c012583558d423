package com.asan.audience.countindex;

import java.time.Instant;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * An instant per ordinal, indexed by UTC day buckets. A range query ORs the buckets fully inside it and checks the
 * exact values only in the two boundary buckets; when the range covers most buckets it answers with the complement.
 *
 * <p>Values are compared in half-second keys, {@code 2 × seconds + (fraction ? 1 : 0)}: query bounds are whole
 * seconds ({@code EvaluationContext} truncates its clock), so {@code t > b} is {@code key >= 2b + 1} and
 * {@code t >= b} is {@code key >= 2b}. A value's day is the bucket holding its ordinal, which keeps beside it only
 * its second of the day: 2 bytes (the second halved, by rank in the bucket) and two bits (odd second, cut-off
 * fraction). Finding an ordinal's day means asking the buckets, so only a value that moves to another day (or a
 * clear) searches for the old one.
 */
final class TimeColumn {

    static final long NONE = Long.MIN_VALUE;
    static final long DAY_SECONDS = 86_400L;
    static final long DAY_KEYS = 2 * DAY_SECONDS;

    final RoaringBitmap oddSecond = new RoaringBitmap();
    final RoaringBitmap fractional = new RoaringBitmap();
    final DayBuckets days = new DayBuckets();
    final RoaringBitmap present = new RoaringBitmap();
    /** Unions of whole-day spans in use (see {@link KeptBitmaps}). */
    private final KeptBitmaps<KeptBitmaps.Span<Long>, Long> unions = new KeptBitmaps<>(KeptBitmaps.Span::contains);

    /** The half-second key of an instant: exact for comparisons with whole-second bounds. */
    static long key(Instant instant) {
        return key(instant.getEpochSecond(), instant.getNano());
    }

    static long key(long epochSecond, int nano) {
        return 2 * epochSecond + (nano == 0 ? 0 : 1);
    }

    long get(int ordinal) {
        if (!present.contains(ordinal)) {
            return NONE;
        }
        int index = days.indexHolding(ordinal);
        return keyOf(days.day(index), days.bucket(index).halfSecond(ordinal), ordinal);
    }

    private long keyOf(long day, char halfSecond, int ordinal) {
        long second = day * DAY_SECONDS + 2L * halfSecond + (oddSecond.contains(ordinal) ? 1 : 0);
        return 2 * second + (fractional.contains(ordinal) ? 1 : 0);
    }

    /** Sets the ordinal's value ({@link #NONE}: no value); an ordinal that stays in its day keeps its bucket. */
    void set(int ordinal, long key) {
        if (key == NONE) {
            clear(ordinal);
            return;
        }
        long day = Math.floorDiv(key, DAY_KEYS);
        int secondOfDay = (int) (Math.floorDiv(key, 2L) - day * DAY_SECONDS);
        char halfSecond = (char) (secondOfDay >> 1);
        DayBuckets.Bucket bucket = days.find(day);
        boolean sameDay = bucket != null && bucket.contains(ordinal);
        if (!sameDay) {
            clear(ordinal);
            bucket = days.getOrCreate(day);
            unions.added(day, ordinal);
            present.add(ordinal);
        }
        bucket.put(ordinal, halfSecond);
        // after a clear (or for a new ordinal) both bits are off already: only a same-day rewrite may turn one off
        mark(oddSecond, ordinal, (secondOfDay & 1) == 1, sameDay);
        mark(fractional, ordinal, (key & 1) == 1, sameDay);
    }

    private static void mark(RoaringBitmap bits, int ordinal, boolean on, boolean mayBeOn) {
        if (on) {
            bits.add(ordinal);
        } else if (mayBeOn) {
            bits.remove(ordinal);
        }
    }

    void clear(int ordinal) {
        if (!present.contains(ordinal)) {
            return;
        }
        int index = days.indexHolding(ordinal);
        DayBuckets.Bucket bucket = days.bucket(index);
        bucket.remove(ordinal);
        if (bucket.ordinals.isEmpty()) {
            days.remove(index);
        }
        unions.removed(ordinal);
        present.remove(ordinal);
        fractional.remove(ordinal);
        oddSecond.remove(ordinal);
    }

    RoaringBitmap present() {
        return present;
    }

    /** Ordinals whose key k satisfies {@code from <= k < to}; use {@link #NONE} for an open end. */
    RoaringBitmap range(long fromInclusive, long toExclusive) {
        long firstDay = firstDay(fromInclusive);
        long lastDay = lastDay(toExclusive);
        if (days.isEmpty() || firstDay > lastDay) {
            return new RoaringBitmap();
        }
        boolean firstWhole = whollyInside(firstDay, fromInclusive, toExclusive);
        boolean lastWhole = whollyInside(lastDay, fromInclusive, toExclusive);
        int insideFrom = days.firstIndexFrom(firstDay, firstWhole);
        int insideTo = days.firstIndexFrom(lastDay, !lastWhole);
        if ((insideTo - insideFrom) * 2 > days.size()) {
            RoaringBitmap result = present.clone();
            result.andNot(union(0, days.firstIndexFrom(firstDay, true)));
            result.andNot(union(days.firstIndexFrom(lastDay, false), days.size()));
            if (!firstWhole) {
                removeOutOfRange(result, firstDay, days.find(firstDay), fromInclusive, toExclusive);
            }
            if (lastDay != firstDay && !lastWhole) {
                removeOutOfRange(result, lastDay, days.find(lastDay), fromInclusive, toExclusive);
            }
            return result;
        }
        RoaringBitmap boundary = new RoaringBitmap();
        if (!firstWhole) {
            addInRange(boundary, firstDay, days.find(firstDay), fromInclusive, toExclusive);
        }
        if (lastDay != firstDay && !lastWhole) {
            addInRange(boundary, lastDay, days.find(lastDay), fromInclusive, toExclusive);
        }
        return RoaringBitmap.or(union(insideFrom, insideTo), boundary);
    }

    /**
     * Whether every key of the day lies in [from, to): such a boundary day is taken whole, without checking its
     * leads one by one (always so for date bounds at midnight UTC, e.g. "created between two dates").
     */
    private static boolean whollyInside(long day, long fromInclusive, long toExclusive) {
        return (fromInclusive == NONE || fromInclusive <= day * DAY_KEYS)
                && (toExclusive == NONE || (day + 1) * DAY_KEYS <= toExclusive);
    }

    /** The union of the buckets at indexes [from, to), kept for later queries; do not modify it. */
    private RoaringBitmap union(int from, int to) {
        if (from >= to) {
            return new RoaringBitmap();
        }
        return unions.get(new KeptBitmaps.Span<>(days.day(from), days.day(to - 1)), () -> days.union(from, to));
    }

    /** How many ordinals have a key in [from, to), by bucket cardinalities: no bitmap is built. */
    long countRange(long fromInclusive, long toExclusive) {
        long firstDay = firstDay(fromInclusive);
        long lastDay = lastDay(toExclusive);
        if (days.isEmpty() || firstDay > lastDay) {
            return 0;
        }
        boolean firstWhole = whollyInside(firstDay, fromInclusive, toExclusive);
        boolean lastWhole = whollyInside(lastDay, fromInclusive, toExclusive);
        long count = days.cardinality(days.firstIndexFrom(firstDay, firstWhole), days.firstIndexFrom(lastDay, !lastWhole));
        if (!firstWhole) {
            count += countInRange(firstDay, days.find(firstDay), fromInclusive, toExclusive);
        }
        if (lastDay != firstDay && !lastWhole) {
            count += countInRange(lastDay, days.find(lastDay), fromInclusive, toExclusive);
        }
        return count;
    }

    private long firstDay(long fromInclusive) {
        return fromInclusive == NONE ? (days.isEmpty() ? 0 : days.day(0)) : Math.floorDiv(fromInclusive, DAY_KEYS);
    }

    private long lastDay(long toExclusive) {
        return toExclusive == NONE ? (days.isEmpty() ? -1 : days.day(days.size() - 1))
                : Math.floorDiv(toExclusive - 1, DAY_KEYS);
    }

    private long countInRange(long day, DayBuckets.Bucket bucket, long from, long to) {
        if (bucket == null) {
            return 0;
        }
        long count = 0;
        IntIterator it = bucket.ordinals.getIntIterator();
        for (int rank = 0; it.hasNext(); rank++) {
            if (within(day, bucket.halfSecondAt(rank), it.next(), from, to)) {
                count++;
            }
        }
        return count;
    }

    private void addInRange(RoaringBitmap result, long day, DayBuckets.Bucket bucket, long from, long to) {
        if (bucket == null) {
            return;
        }
        IntIterator it = bucket.ordinals.getIntIterator();
        for (int rank = 0; it.hasNext(); rank++) {
            int ordinal = it.next();
            if (within(day, bucket.halfSecondAt(rank), ordinal, from, to)) {
                result.add(ordinal);
            }
        }
    }

    private void removeOutOfRange(RoaringBitmap result, long day, DayBuckets.Bucket bucket, long from, long to) {
        if (bucket == null) {
            return;
        }
        IntIterator it = bucket.ordinals.getIntIterator();
        for (int rank = 0; it.hasNext(); rank++) {
            int ordinal = it.next();
            if (!within(day, bucket.halfSecondAt(rank), ordinal, from, to)) {
                result.remove(ordinal);
            }
        }
    }

    /**
     * Whether the key k of an ordinal in this day satisfies {@code from <= k < to}. Its 2 bytes place k within a
     * span of four keys (odd second, fraction); the two bits are read only when a bound falls inside that span.
     */
    private boolean within(long day, char halfSecond, int ordinal, long from, long to) {
        long lowest = 2 * (day * DAY_SECONDS + 2L * halfSecond);
        long highest = lowest + 3;
        if ((from != NONE && highest < from) || (to != NONE && lowest >= to)) {
            return false;
        }
        if ((from == NONE || lowest >= from) && (to == NONE || highest < to)) {
            return true;
        }
        long key = keyOf(day, halfSecond, ordinal);
        return (from == NONE || key >= from) && (to == NONE || key < to);
    }

    /** After a bulk load: trims every bucket to its size, compresses. */
    void optimize() {
        present.runOptimize();
        fractional.runOptimize();
        oddSecond.runOptimize();
        days.optimize();
    }

    long sizeInBytes() {
        return present.getLongSizeInBytes() + fractional.getLongSizeInBytes() + oddSecond.getLongSizeInBytes()
                + days.sizeInBytes() + unions.sizeInBytes();
    }
}
