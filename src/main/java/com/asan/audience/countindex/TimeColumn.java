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
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * An instant per ordinal, indexed by UTC day buckets. A range query ORs the buckets fully inside it and checks the
 * exact values only in the two boundary buckets; when the range covers most buckets it answers with the complement.
 *
 * <p>Values are kept as 4-byte whole seconds plus one bit saying whether a fraction was cut off. Query bounds
 * are whole seconds ({@code EvaluationContext} truncates its clock), so that is enough to compare exactly: the
 * column works in half-second keys, {@code 2 × seconds + (fraction ? 1 : 0)}, where {@code t > b} is
 * {@code key >= 2b + 1} and {@code t >= b} is {@code key >= 2b}.
 */
final class TimeColumn {

    static final long NONE = Long.MIN_VALUE;
    private static final long DAY_KEYS = 2 * 86_400L;
    /** Seconds are stored relative to 2000-01-01; values outside 1932–2068 go to a side map. */
    private static final long BASE_SECONDS = 946_684_800L;
    private static final int ABSENT = Integer.MIN_VALUE;
    private static final int FAR = Integer.MIN_VALUE + 1;

    private int[] seconds = new int[1024];
    private final RoaringBitmap fractional = new RoaringBitmap();
    private final Map<Integer, Long> farSeconds = new HashMap<>();
    private final TreeMap<Long, RoaringBitmap> days = new TreeMap<>();
    /** The same buckets by day for writes: a hash lookup instead of a walk down the tree. */
    private final Map<Long, RoaringBitmap> dayLookup = new HashMap<>();
    private final RoaringBitmap present = new RoaringBitmap();
    /** Unions of whole-day spans in use (see {@link KeptBitmaps}). */
    private final KeptBitmaps<KeptBitmaps.Span<Long>, Long> unions = new KeptBitmaps<>(KeptBitmaps.Span::contains);

    TimeColumn() {
        Arrays.fill(seconds, ABSENT);
    }

    /** The half-second key of an instant: exact for comparisons with whole-second bounds. */
    static long key(Instant instant) {
        return 2 * instant.getEpochSecond() + (instant.getNano() == 0 ? 0 : 1);
    }

    long get(int ordinal) {
        if (ordinal >= seconds.length || seconds[ordinal] == ABSENT) {
            return NONE;
        }
        long whole = seconds[ordinal] == FAR ? farSeconds.get(ordinal) : BASE_SECONDS + seconds[ordinal];
        return 2 * whole + (fractional.contains(ordinal) ? 1 : 0);
    }

    void set(int ordinal, long key) {
        clear(ordinal);
        if (key == NONE) {
            return;
        }
        ensureCapacity(ordinal);
        long whole = Math.floorDiv(key, 2L);
        long relative = whole - BASE_SECONDS;
        if (relative > Integer.MIN_VALUE + 1 && relative <= Integer.MAX_VALUE) {
            seconds[ordinal] = (int) relative;
        } else {
            seconds[ordinal] = FAR;
            farSeconds.put(ordinal, whole);
        }
        if ((key & 1) == 1) {
            fractional.add(ordinal);
        }
        long day = Math.floorDiv(key, DAY_KEYS);
        RoaringBitmap bucket = dayLookup.get(day);
        if (bucket == null) {
            bucket = new RoaringBitmap();
            days.put(day, bucket);
            dayLookup.put(day, bucket);
        }
        bucket.add(ordinal);
        unions.added(day, ordinal);
        present.add(ordinal);
    }

    void clear(int ordinal) {
        long old = get(ordinal);
        if (old == NONE) {
            return;
        }
        long day = Math.floorDiv(old, DAY_KEYS);
        RoaringBitmap bucket = dayLookup.get(day);
        bucket.remove(ordinal);
        if (bucket.isEmpty()) {
            days.remove(day);
            dayLookup.remove(day);
        }
        unions.removed(ordinal);
        present.remove(ordinal);
        fractional.remove(ordinal);
        farSeconds.remove(ordinal);
        seconds[ordinal] = ABSENT;
    }

    private void ensureCapacity(int ordinal) {
        if (ordinal >= seconds.length) {
            int old = seconds.length;
            seconds = Arrays.copyOf(seconds, Math.max(ordinal + 1, old * 2));
            Arrays.fill(seconds, old, seconds.length, ABSENT);
        }
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
                removeOutOfRange(result, days.get(firstDay), fromInclusive, toExclusive);
            }
            if (lastDay != firstDay && !lastWhole) {
                removeOutOfRange(result, days.get(lastDay), fromInclusive, toExclusive);
            }
            return result;
        }
        RoaringBitmap boundary = new RoaringBitmap();
        if (!firstWhole) {
            addInRange(boundary, days.get(firstDay), fromInclusive, toExclusive);
        }
        if (lastDay != firstDay && !lastWhole) {
            addInRange(boundary, days.get(lastDay), fromInclusive, toExclusive);
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

    /** The candidates whose key lies in [from, to), checked one by one: for candidate sets smaller than the range. */
    RoaringBitmap restrict(RoaringBitmap candidates, long fromInclusive, long toExclusive) {
        RoaringBitmapWriter<RoaringBitmap> kept = RoaringBitmapWriter.writer().get();
        IntIterator it = candidates.getIntIterator();
        while (it.hasNext()) {
            int ordinal = it.next();
            if (ordinal < seconds.length && seconds[ordinal] != ABSENT && within(ordinal, fromInclusive, toExclusive)) {
                kept.add(ordinal);
            }
        }
        return kept.get();
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
            count += countInRange(days.get(firstDay), fromInclusive, toExclusive);
        }
        if (lastDay != firstDay && !lastWhole) {
            count += countInRange(days.get(lastDay), fromInclusive, toExclusive);
        }
        return count;
    }

    private long firstDay(long fromInclusive) {
        return fromInclusive == NONE ? (days.isEmpty() ? 0 : days.firstKey()) : Math.floorDiv(fromInclusive, DAY_KEYS);
    }

    private long lastDay(long toExclusive) {
        return toExclusive == NONE ? (days.isEmpty() ? -1 : days.lastKey()) : Math.floorDiv(toExclusive - 1, DAY_KEYS);
    }

    private long countInRange(RoaringBitmap bucket, long from, long to) {
        if (bucket == null) {
            return 0;
        }
        long count = 0;
        IntIterator it = bucket.getIntIterator();
        while (it.hasNext()) {
            if (within(it.next(), from, to)) {
                count++;
            }
        }
        return count;
    }

    private void addInRange(RoaringBitmap result, RoaringBitmap bucket, long from, long to) {
        if (bucket == null) {
            return;
        }
        IntIterator it = bucket.getIntIterator();
        while (it.hasNext()) {
            int ordinal = it.next();
            if (within(ordinal, from, to)) {
                result.add(ordinal);
            }
        }
    }

    private void removeOutOfRange(RoaringBitmap result, RoaringBitmap bucket, long from, long to) {
        if (bucket == null) {
            return;
        }
        IntIterator it = bucket.getIntIterator();
        while (it.hasNext()) {
            int ordinal = it.next();
            if (!within(ordinal, from, to)) {
                result.remove(ordinal);
            }
        }
    }

    /** Whether the ordinal's key k satisfies {@code from <= k < to}, reading the fraction bit only on a tie. */
    private boolean within(int ordinal, long from, long to) {
        int raw = seconds[ordinal];
        if (raw == FAR) {
            long key = get(ordinal);
            return (from == NONE || key >= from) && (to == NONE || key < to);
        }
        long whole = BASE_SECONDS + raw;
        if (from != NONE) {
            long fromWhole = from >> 1;
            if (whole < fromWhole || (whole == fromWhole && (from & 1) == 1 && !fractional.contains(ordinal))) {
                return false;
            }
        }
        if (to != NONE) {
            long toWhole = to >> 1;
            return whole < toWhole || (whole == toWhole && (to & 1) == 1 && !fractional.contains(ordinal));
        }
        return true;
    }

    /** Drops spare capacity and compresses bitmaps after a bulk load. */
    void optimize(int size) {
        if (size < seconds.length) {
            seconds = Arrays.copyOf(seconds, Math.max(size, 16));
        }
        present.runOptimize();
        fractional.runOptimize();
        days.values().forEach(RoaringBitmap::runOptimize);
    }

    long sizeInBytes() {
        long bytes = seconds.length * 4L + present.getLongSizeInBytes() + fractional.getLongSizeInBytes()
                + farSeconds.size() * 64L + dayLookup.size() * 48L + unions.sizeInBytes();
        for (RoaringBitmap day : days.values()) {
            bytes += 48 + day.getLongSizeInBytes();
        }
        return bytes;
    }
}
