package com.asan.audience.countindex;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * An instant per ordinal, indexed by UTC day buckets. A range query ORs the buckets fully inside it and checks the
 * exact values only in the two boundary buckets; when the range covers most buckets it answers with the complement.
 *
 * <p>Values are compared in half-second keys, {@code 2 × seconds + (fraction ? 1 : 0)}: query bounds are whole
 * seconds ({@code EvaluationContext} truncates its clock), so {@code t > b} is {@code key >= 2b + 1} and
 * {@code t >= b} is {@code key >= 2b}. A value's day is the bucket holding its ordinal, which keeps only its second
 * of the day: 2 bytes (the second halved) and two bits (odd second, cut-off fraction). Finding an ordinal's day
 * means asking the buckets, so only a value that moves to another day (or a clear) searches for the old one.
 */
final class TimeColumn {

    static final long NONE = Long.MIN_VALUE;
    static final long DAY_SECONDS = 86_400L;
    static final long DAY_KEYS = 2 * DAY_SECONDS;
    static final char ABSENT = Character.MAX_VALUE;

    char[] halfSecondOfDay = new char[1024];
    final RoaringBitmap oddSecond = new RoaringBitmap();
    final RoaringBitmap fractional = new RoaringBitmap();
    final TreeMap<Long, RoaringBitmap> days = new TreeMap<>();
    /** The same buckets by day for writes: a hash lookup instead of a walk down the tree. */
    final Map<Long, RoaringBitmap> dayLookup = new HashMap<>();
    final RoaringBitmap present = new RoaringBitmap();
    /** Unions of whole-day spans in use (see {@link KeptBitmaps}). */
    private final KeptBitmaps<KeptBitmaps.Span<Long>, Long> unions = new KeptBitmaps<>(KeptBitmaps.Span::contains);

    TimeColumn() {
        Arrays.fill(halfSecondOfDay, ABSENT);
    }

    /** The half-second key of an instant: exact for comparisons with whole-second bounds. */
    static long key(Instant instant) {
        return 2 * instant.getEpochSecond() + (instant.getNano() == 0 ? 0 : 1);
    }

    long get(int ordinal) {
        return has(ordinal) ? keyOf(dayOf(ordinal), ordinal) : NONE;
    }

    /** Whether the ordinal has a value: its 2 bytes say so, without a bitmap lookup. */
    private boolean has(int ordinal) {
        return ordinal < halfSecondOfDay.length && halfSecondOfDay[ordinal] != ABSENT;
    }

    /** The day bucket holding the ordinal, which must be present: asks the buckets, newest first. */
    private long dayOf(int ordinal) {
        for (Map.Entry<Long, RoaringBitmap> day : days.descendingMap().entrySet()) {
            if (day.getValue().contains(ordinal)) {
                return day.getKey();
            }
        }
        throw new IllegalStateException("ordinal " + ordinal + " is present but in no day");
    }

    private long keyOf(long day, int ordinal) {
        long second = day * DAY_SECONDS + 2L * halfSecondOfDay[ordinal] + (oddSecond.contains(ordinal) ? 1 : 0);
        return 2 * second + (fractional.contains(ordinal) ? 1 : 0);
    }

    /** Sets the ordinal's value ({@link #NONE}: no value); an ordinal that stays in its day keeps its bucket. */
    void set(int ordinal, long key) {
        if (key == NONE) {
            clear(ordinal);
            return;
        }
        long day = Math.floorDiv(key, DAY_KEYS);
        RoaringBitmap bucket = dayLookup.get(day);
        boolean sameDay = has(ordinal) && bucket != null && bucket.contains(ordinal);
        if (!sameDay) {
            clear(ordinal);
            if (bucket == null) {
                bucket = new RoaringBitmap();
                days.put(day, bucket);
                dayLookup.put(day, bucket);
            }
            bucket.add(ordinal);
            unions.added(day, ordinal);
            present.add(ordinal);
        }
        ensureCapacity(ordinal);
        int secondOfDay = (int) (Math.floorDiv(key, 2L) - day * DAY_SECONDS);
        halfSecondOfDay[ordinal] = (char) (secondOfDay >> 1);
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
        if (!has(ordinal)) {
            return;
        }
        long day = dayOf(ordinal);
        RoaringBitmap bucket = dayLookup.get(day);
        bucket.remove(ordinal);
        if (bucket.isEmpty()) {
            days.remove(day);
            dayLookup.remove(day);
        }
        unions.removed(ordinal);
        present.remove(ordinal);
        fractional.remove(ordinal);
        oddSecond.remove(ordinal);
        halfSecondOfDay[ordinal] = ABSENT;
    }

    private void ensureCapacity(int ordinal) {
        if (ordinal >= halfSecondOfDay.length) {
            resize(Math.max(ordinal + 1, halfSecondOfDay.length * 2));
        }
    }

    private void resize(int length) {
        int old = halfSecondOfDay.length;
        halfSecondOfDay = Arrays.copyOf(halfSecondOfDay, length);
        Arrays.fill(halfSecondOfDay, Math.min(old, length), length, ABSENT);
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
        NavigableMap<Long, RoaringBitmap> inside = days.subMap(firstDay, firstWhole, lastDay, lastWhole);
        if (inside.size() * 2 > days.size()) {
            RoaringBitmap result = present.clone();
            result.andNot(union(days.headMap(firstDay, false)));
            result.andNot(union(days.tailMap(lastDay, false)));
            if (!firstWhole) {
                removeOutOfRange(result, firstDay, days.get(firstDay), fromInclusive, toExclusive);
            }
            if (lastDay != firstDay && !lastWhole) {
                removeOutOfRange(result, lastDay, days.get(lastDay), fromInclusive, toExclusive);
            }
            return result;
        }
        RoaringBitmap boundary = new RoaringBitmap();
        if (!firstWhole) {
            addInRange(boundary, firstDay, days.get(firstDay), fromInclusive, toExclusive);
        }
        if (lastDay != firstDay && !lastWhole) {
            addInRange(boundary, lastDay, days.get(lastDay), fromInclusive, toExclusive);
        }
        return RoaringBitmap.or(union(inside), boundary);
    }

    /**
     * Whether every key of the day lies in [from, to): such a boundary day is taken whole, without checking its
     * leads one by one (always so for date bounds at midnight UTC, e.g. "created between two dates").
     */
    private static boolean whollyInside(long day, long fromInclusive, long toExclusive) {
        return (fromInclusive == NONE || fromInclusive <= day * DAY_KEYS)
                && (toExclusive == NONE || (day + 1) * DAY_KEYS <= toExclusive);
    }

    /** The union of whole day buckets, kept for later queries; do not modify it. */
    private RoaringBitmap union(NavigableMap<Long, RoaringBitmap> buckets) {
        if (buckets.isEmpty()) {
            return new RoaringBitmap();
        }
        return unions.get(new KeptBitmaps.Span<>(buckets.firstKey(), buckets.lastKey()),
                () -> FastAggregation.or(buckets.values().iterator()));
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
        long count = 0;
        for (RoaringBitmap bucket : days.subMap(firstDay, firstWhole, lastDay, lastWhole).values()) {
            count += bucket.getLongCardinality();
        }
        if (!firstWhole) {
            count += countInRange(firstDay, days.get(firstDay), fromInclusive, toExclusive);
        }
        if (lastDay != firstDay && !lastWhole) {
            count += countInRange(lastDay, days.get(lastDay), fromInclusive, toExclusive);
        }
        return count;
    }

    private long firstDay(long fromInclusive) {
        return fromInclusive == NONE ? (days.isEmpty() ? 0 : days.firstKey()) : Math.floorDiv(fromInclusive, DAY_KEYS);
    }

    private long lastDay(long toExclusive) {
        return toExclusive == NONE ? (days.isEmpty() ? -1 : days.lastKey()) : Math.floorDiv(toExclusive - 1, DAY_KEYS);
    }

    private long countInRange(long day, RoaringBitmap bucket, long from, long to) {
        if (bucket == null) {
            return 0;
        }
        long count = 0;
        IntIterator it = bucket.getIntIterator();
        while (it.hasNext()) {
            if (within(day, it.next(), from, to)) {
                count++;
            }
        }
        return count;
    }

    private void addInRange(RoaringBitmap result, long day, RoaringBitmap bucket, long from, long to) {
        if (bucket == null) {
            return;
        }
        IntIterator it = bucket.getIntIterator();
        while (it.hasNext()) {
            int ordinal = it.next();
            if (within(day, ordinal, from, to)) {
                result.add(ordinal);
            }
        }
    }

    private void removeOutOfRange(RoaringBitmap result, long day, RoaringBitmap bucket, long from, long to) {
        if (bucket == null) {
            return;
        }
        IntIterator it = bucket.getIntIterator();
        while (it.hasNext()) {
            int ordinal = it.next();
            if (!within(day, ordinal, from, to)) {
                result.remove(ordinal);
            }
        }
    }

    /**
     * Whether the key k of an ordinal in this day satisfies {@code from <= k < to}. Its 2 bytes place k within a
     * span of four keys (odd second, fraction); the two bits are read only when a bound falls inside that span.
     */
    private boolean within(long day, int ordinal, long from, long to) {
        long lowest = 2 * (day * DAY_SECONDS + 2L * halfSecondOfDay[ordinal]);
        long highest = lowest + 3;
        if ((from != NONE && highest < from) || (to != NONE && lowest >= to)) {
            return false;
        }
        if ((from == NONE || lowest >= from) && (to == NONE || highest < to)) {
            return true;
        }
        long key = keyOf(day, ordinal);
        return (from == NONE || key >= from) && (to == NONE || key < to);
    }

    /** After a bulk load: sizes the per-ordinal array to the ordinals given out (however it grew), compresses. */
    void optimize(int size) {
        if (Math.max(size, 16) != halfSecondOfDay.length) {
            resize(Math.max(size, 16));
        }
        present.runOptimize();
        fractional.runOptimize();
        oddSecond.runOptimize();
        days.values().forEach(RoaringBitmap::runOptimize);
    }

    long sizeInBytes() {
        long bytes = halfSecondOfDay.length * 2L + present.getLongSizeInBytes() + fractional.getLongSizeInBytes()
                + oddSecond.getLongSizeInBytes() + dayLookup.size() * 48L + unions.sizeInBytes();
        for (RoaringBitmap day : days.values()) {
            bytes += 48 + day.getLongSizeInBytes();
        }
        return bytes;
    }
}
