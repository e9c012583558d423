package com.asan.audience.countindex;

import java.util.Arrays;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * The day buckets of a {@link TimeColumn}, in day order: two parallel arrays searched by binary search, where a
 * tree and a hash map beside it cost about 100 bytes a day (a year of days is 0.4 B per lead at 100k leads).
 */
final class DayBuckets {

    private long[] days = new long[8];
    private Bucket[] buckets = new Bucket[8];
    private int size;

    /**
     * The ordinals whose value falls in one day and, by rank among them, each one's half second of the day. Only
     * ordinals with a value pay for it: a column that few leads have (the latest click) costs nothing for the rest.
     */
    static final class Bucket {

        final RoaringBitmap ordinals;
        private char[] halfSeconds;

        Bucket(RoaringBitmap ordinals, char[] halfSeconds) {
            if (halfSeconds.length < ordinals.getCardinality()) {
                throw new IllegalArgumentException("a half second is needed for every ordinal of the bucket");
            }
            this.ordinals = ordinals;
            this.halfSeconds = halfSeconds;
        }

        boolean contains(int ordinal) {
            return ordinals.contains(ordinal);
        }

        /** The half second of an ordinal of this bucket. */
        char halfSecond(int ordinal) {
            return halfSeconds[rankOf(ordinal)];
        }

        /** The half second of the ordinal at this rank (0-based, ascending ordinals). */
        char halfSecondAt(int rank) {
            return halfSeconds[rank];
        }

        /** Sets the half second of an ordinal, adding it to the bucket when it is not in it. */
        void put(int ordinal, char halfSecond) {
            if (ordinals.contains(ordinal)) {
                halfSeconds[rankOf(ordinal)] = halfSecond;
                return;
            }
            int cardinality = ordinals.getCardinality();
            ordinals.add(ordinal);
            int rank = rankOf(ordinal);
            if (cardinality == halfSeconds.length) {
                halfSeconds = Arrays.copyOf(halfSeconds, Math.max(4, cardinality + (cardinality >> 3) + 1));
            }
            System.arraycopy(halfSeconds, rank, halfSeconds, rank + 1, cardinality - rank);
            halfSeconds[rank] = halfSecond;
        }

        /** Takes an ordinal of this bucket out of it. */
        void remove(int ordinal) {
            int rank = rankOf(ordinal);
            int cardinality = ordinals.getCardinality();
            ordinals.remove(ordinal);
            System.arraycopy(halfSeconds, rank + 1, halfSeconds, rank, cardinality - rank - 1);
        }

        private int rankOf(int ordinal) {
            return (int) ordinals.rankLong(ordinal) - 1;
        }

        /** The half seconds in rank order, exactly as many as ordinals (for snapshots). */
        char[] halfSeconds() {
            return Arrays.copyOf(halfSeconds, ordinals.getCardinality());
        }

        void optimize() {
            ordinals.runOptimize();
            if (halfSeconds.length != ordinals.getCardinality()) {
                halfSeconds = halfSeconds();
            }
        }

        long sizeInBytes() {
            return 32 + halfSeconds.length * 2L + ordinals.getLongSizeInBytes();
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long day(int index) {
        return days[index];
    }

    Bucket bucket(int index) {
        return buckets[index];
    }

    /** The bucket of a day, or null. */
    Bucket find(long day) {
        int index = Arrays.binarySearch(days, 0, size, day);
        return index >= 0 ? buckets[index] : null;
    }

    /** The bucket of a day, made empty when there is none. */
    Bucket getOrCreate(long day) {
        int index = Arrays.binarySearch(days, 0, size, day);
        if (index >= 0) {
            return buckets[index];
        }
        Bucket bucket = new Bucket(new RoaringBitmap(), new char[4]);
        insert(-index - 1, day, bucket);
        return bucket;
    }

    /** Adds the bucket of a day after every bucket there is (building and reading snapshots, in day order). */
    void append(long day, Bucket bucket) {
        if (size > 0 && days[size - 1] >= day) {
            throw new IllegalArgumentException("days must be appended in ascending order: " + day);
        }
        insert(size, day, bucket);
    }

    private void insert(int index, long day, Bucket bucket) {
        if (size == days.length) {
            days = Arrays.copyOf(days, size * 2);
            buckets = Arrays.copyOf(buckets, size * 2);
        }
        System.arraycopy(days, index, days, index + 1, size - index);
        System.arraycopy(buckets, index, buckets, index + 1, size - index);
        days[index] = day;
        buckets[index] = bucket;
        size++;
    }

    void remove(int index) {
        System.arraycopy(days, index + 1, days, index, size - index - 1);
        System.arraycopy(buckets, index + 1, buckets, index, size - index - 1);
        size--;
        buckets[size] = null;
    }

    /** The index of the bucket holding the ordinal, asking the newest days first; -1 when none does. */
    int indexHolding(int ordinal) {
        for (int index = size - 1; index >= 0; index--) {
            if (buckets[index].contains(ordinal)) {
                return index;
            }
        }
        return -1;
    }

    /** The index of the first day at or after (inclusive) or after (exclusive) the given day; size when none. */
    int firstIndexFrom(long day, boolean inclusive) {
        int index = Arrays.binarySearch(days, 0, size, day);
        if (index < 0) {
            return -index - 1;
        }
        return inclusive ? index : index + 1;
    }

    /** The union of the buckets at indexes [from, to). */
    RoaringBitmap union(int from, int to) {
        if (from >= to) {
            return new RoaringBitmap();
        }
        return FastAggregation.or(Arrays.stream(buckets, from, to).map(b -> b.ordinals).iterator());
    }

    /** How many ordinals the buckets at indexes [from, to) hold. */
    long cardinality(int from, int to) {
        long count = 0;
        for (int index = from; index < to; index++) {
            count += buckets[index].ordinals.getLongCardinality();
        }
        return count;
    }

    void optimize() {
        for (int index = 0; index < size; index++) {
            buckets[index].optimize();
        }
        if (days.length > Math.max(8, size)) {
            days = Arrays.copyOf(days, Math.max(8, size));
            buckets = Arrays.copyOf(buckets, Math.max(8, size));
        }
    }

    long sizeInBytes() {
        long bytes = 32 + days.length * 16L;
        for (int index = 0; index < size; index++) {
            bytes += buckets[index].sizeInBytes();
        }
        return bytes;
    }
}
