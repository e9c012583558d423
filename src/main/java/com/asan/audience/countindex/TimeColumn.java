package com.asan.audience.countindex;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * An instant per ordinal (epoch microseconds), indexed by UTC day buckets. A range query ORs the buckets fully
 * inside it and checks the exact values only in the two boundary buckets; when the range covers most buckets it
 * answers with the complement instead.
 */
final class TimeColumn {

    static final long NONE = Long.MIN_VALUE;
    private static final long DAY_MICROS = 86_400_000_000L;

    private final Values values;
    private final TreeMap<Long, RoaringBitmap> days = new TreeMap<>();
    private final RoaringBitmap present = new RoaringBitmap();

    private TimeColumn(Values values) {
        this.values = values;
    }

    /** For attributes most leads have (created, last active). */
    static TimeColumn dense() {
        return new TimeColumn(new DenseValues());
    }

    /** For attributes few leads have (engagement with one campaign). */
    static TimeColumn sparse() {
        return new TimeColumn(new SparseValues());
    }

    long get(int ordinal) {
        return values.get(ordinal);
    }

    void set(int ordinal, long micros) {
        clear(ordinal);
        if (micros == NONE) {
            return;
        }
        values.put(ordinal, micros);
        days.computeIfAbsent(Math.floorDiv(micros, DAY_MICROS), d -> new RoaringBitmap()).add(ordinal);
        present.add(ordinal);
    }

    void clear(int ordinal) {
        long old = values.get(ordinal);
        if (old == NONE) {
            return;
        }
        long day = Math.floorDiv(old, DAY_MICROS);
        RoaringBitmap bucket = days.get(day);
        bucket.remove(ordinal);
        if (bucket.isEmpty()) {
            days.remove(day);
        }
        present.remove(ordinal);
        values.put(ordinal, NONE);
    }

    RoaringBitmap present() {
        return present;
    }

    /** Ordinals whose value v satisfies {@code from <= v < to}; use {@link #NONE} for an open end. */
    RoaringBitmap range(long fromInclusive, long toExclusive) {
        if (days.isEmpty() || (toExclusive != NONE && fromInclusive != NONE && toExclusive <= fromInclusive)) {
            return new RoaringBitmap();
        }
        long firstDay = fromInclusive == NONE ? days.firstKey() : Math.floorDiv(fromInclusive, DAY_MICROS);
        long lastDay = toExclusive == NONE ? days.lastKey() : Math.floorDiv(toExclusive - 1, DAY_MICROS);
        if (firstDay > lastDay) {
            return new RoaringBitmap();
        }
        NavigableMap<Long, RoaringBitmap> inside = days.subMap(firstDay, false, lastDay, false);
        if (inside.size() * 2 > days.size()) {
            RoaringBitmap outside = FastAggregation.or(days.headMap(firstDay, false).values().iterator());
            outside.or(FastAggregation.or(days.tailMap(lastDay, false).values().iterator()));
            RoaringBitmap result = RoaringBitmap.andNot(present, outside);
            removeOutOfRange(result, days.get(firstDay), fromInclusive, toExclusive);
            if (lastDay != firstDay) {
                removeOutOfRange(result, days.get(lastDay), fromInclusive, toExclusive);
            }
            return result;
        }
        RoaringBitmap result = FastAggregation.or(inside.values().iterator());
        addInRange(result, days.get(firstDay), fromInclusive, toExclusive);
        if (lastDay != firstDay) {
            addInRange(result, days.get(lastDay), fromInclusive, toExclusive);
        }
        return result;
    }

    /** How many ordinals have a value in [from, to), by bucket cardinalities: no bitmap is built. */
    long countRange(long fromInclusive, long toExclusive) {
        if (days.isEmpty() || (toExclusive != NONE && fromInclusive != NONE && toExclusive <= fromInclusive)) {
            return 0;
        }
        long firstDay = fromInclusive == NONE ? days.firstKey() : Math.floorDiv(fromInclusive, DAY_MICROS);
        long lastDay = toExclusive == NONE ? days.lastKey() : Math.floorDiv(toExclusive - 1, DAY_MICROS);
        if (firstDay > lastDay) {
            return 0;
        }
        long count = 0;
        for (RoaringBitmap bucket : days.subMap(firstDay, false, lastDay, false).values()) {
            count += bucket.getLongCardinality();
        }
        count += countInRange(days.get(firstDay), fromInclusive, toExclusive);
        if (lastDay != firstDay) {
            count += countInRange(days.get(lastDay), fromInclusive, toExclusive);
        }
        return count;
    }

    private long countInRange(RoaringBitmap bucket, long from, long to) {
        if (bucket == null) {
            return 0;
        }
        long count = 0;
        IntIterator it = bucket.getIntIterator();
        while (it.hasNext()) {
            if (within(values.get(it.next()), from, to)) {
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
            if (within(values.get(ordinal), from, to)) {
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
            if (!within(values.get(ordinal), from, to)) {
                result.remove(ordinal);
            }
        }
    }

    private static boolean within(long value, long from, long to) {
        return (from == NONE || value >= from) && (to == NONE || value < to);
    }

    /** Drops spare capacity and compresses bitmaps after a bulk load. */
    void optimize(int size) {
        values.trim(size);
        present.runOptimize();
        days.values().forEach(RoaringBitmap::runOptimize);
    }

    long sizeInBytes() {
        long bytes = values.sizeInBytes() + present.getLongSizeInBytes();
        for (Map.Entry<Long, RoaringBitmap> day : days.entrySet()) {
            bytes += 48 + day.getValue().getLongSizeInBytes();
        }
        return bytes;
    }

    private interface Values {
        long get(int ordinal);

        void put(int ordinal, long value);

        void trim(int size);

        long sizeInBytes();
    }

    private static final class DenseValues implements Values {
        private long[] values = new long[1024];

        DenseValues() {
            Arrays.fill(values, NONE);
        }

        public long get(int ordinal) {
            return ordinal < values.length ? values[ordinal] : NONE;
        }

        public void put(int ordinal, long value) {
            if (ordinal >= values.length) {
                int old = values.length;
                values = Arrays.copyOf(values, Math.max(ordinal + 1, old * 2));
                Arrays.fill(values, old, values.length, NONE);
            }
            values[ordinal] = value;
        }

        public void trim(int size) {
            if (size < values.length) {
                values = Arrays.copyOf(values, Math.max(size, 16));
            }
        }

        public long sizeInBytes() {
            return values.length * 8L;
        }
    }

    private static final class SparseValues implements Values {
        private final java.util.HashMap<Integer, Long> values = new java.util.HashMap<>();

        public long get(int ordinal) {
            return values.getOrDefault(ordinal, NONE);
        }

        public void put(int ordinal, long value) {
            if (value == NONE) {
                values.remove(ordinal);
            } else {
                values.put(ordinal, value);
            }
        }

        public void trim(int size) {
            // a hash map has no spare array to drop
        }

        public long sizeInBytes() {
            return values.size() * 64L;
        }
    }
}
