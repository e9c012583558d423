package com.asan.audience.countindex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/** One bitmap per distinct value of an attribute, plus the bitmap of ordinals that have any value. */
final class ValueBitmaps<K> {

    private final Map<K, RoaringBitmap> byValue;
    private final RoaringBitmap present = new RoaringBitmap();

    private ValueBitmaps(Map<K, RoaringBitmap> byValue) {
        this.byValue = byValue;
    }

    static <K> ValueBitmaps<K> hashed() {
        return new ValueBitmaps<>(new HashMap<>());
    }

    /** Keeps values ordered, for range queries (numbers, dates). */
    static <K extends Comparable<K>> ValueBitmaps<K> sorted() {
        return new ValueBitmaps<>(new TreeMap<>());
    }

    void add(K value, int ordinal) {
        byValue.computeIfAbsent(value, v -> new RoaringBitmap()).add(ordinal);
        present.add(ordinal);
    }

    /** Removes the ordinal from every value; cost grows with the number of distinct values. */
    void remove(int ordinal) {
        if (!present.contains(ordinal)) {
            return;
        }
        byValue.values().removeIf(bitmap -> {
            bitmap.remove(ordinal);
            return bitmap.isEmpty();
        });
        present.remove(ordinal);
    }

    RoaringBitmap present() {
        return present;
    }

    int distinctValues() {
        return byValue.size();
    }

    RoaringBitmap of(K value) {
        RoaringBitmap bitmap = byValue.get(value);
        return bitmap == null ? new RoaringBitmap() : bitmap;
    }

    /** The union of the values' bitmaps; for a single value its own bitmap, which callers must not modify. */
    RoaringBitmap anyOf(Collection<K> values) {
        if (values.size() == 1) {
            return of(values.iterator().next());
        }
        return FastAggregation.or(values.stream().map(this::of).iterator());
    }

    RoaringBitmap matching(Predicate<K> predicate) {
        return FastAggregation.or(byValue.entrySet().stream().filter(e -> predicate.test(e.getKey()))
                .map(Map.Entry::getValue).iterator());
    }

    /** Ordinals whose value lies in [low, high] (null = open end); the complement is used for wide ranges. */
    @SuppressWarnings("unchecked")
    RoaringBitmap range(K low, boolean lowInclusive, K high, boolean highInclusive) {
        NavigableMap<K, RoaringBitmap> sorted = (NavigableMap<K, RoaringBitmap>) byValue;
        if (low != null && high != null && ((Comparable<K>) low).compareTo(high) > 0) {
            return new RoaringBitmap();
        }
        NavigableMap<K, RoaringBitmap> inside = sorted;
        if (low != null) {
            inside = inside.tailMap(low, lowInclusive);
        }
        if (high != null) {
            inside = inside.headMap(high, highInclusive);
        }
        if (inside.size() * 2 <= sorted.size()) {
            return FastAggregation.or(inside.values().iterator());
        }
        RoaringBitmap outside = new RoaringBitmap();
        if (low != null) {
            outside.or(FastAggregation.or(sorted.headMap(low, !lowInclusive).values().iterator()));
        }
        if (high != null) {
            outside.or(FastAggregation.or(sorted.tailMap(high, !highInclusive).values().iterator()));
        }
        return RoaringBitmap.andNot(present, outside);
    }

    /**
     * The candidates whose value lies in [low, high] (null = open end). On the wide side of a range it subtracts
     * the values outside from the candidates, so no bitmap the size of the range is built.
     */
    @SuppressWarnings("unchecked")
    RoaringBitmap restrictRange(RoaringBitmap candidates, K low, boolean lowInclusive, K high, boolean highInclusive) {
        NavigableMap<K, RoaringBitmap> sorted = (NavigableMap<K, RoaringBitmap>) byValue;
        if (low != null && high != null && ((Comparable<K>) low).compareTo(high) > 0) {
            return new RoaringBitmap();
        }
        NavigableMap<K, RoaringBitmap> inside = sorted;
        if (low != null) {
            inside = inside.tailMap(low, lowInclusive);
        }
        if (high != null) {
            inside = inside.headMap(high, highInclusive);
        }
        if (inside.size() * 2 <= sorted.size()) {
            return RoaringBitmap.and(candidates, FastAggregation.or(inside.values().iterator()));
        }
        List<RoaringBitmap> outside = new ArrayList<>();
        if (low != null) {
            outside.addAll(sorted.headMap(low, !lowInclusive).values());
        }
        if (high != null) {
            outside.addAll(sorted.tailMap(high, !highInclusive).values());
        }
        RoaringBitmap result = RoaringBitmap.and(candidates, present);
        result.andNot(FastAggregation.or(outside.iterator()));
        return result;
    }

    /** How many ordinals have a value in [low, high] (null = open end), summing cardinalities. */
    @SuppressWarnings("unchecked")
    long countRange(K low, boolean lowInclusive, K high, boolean highInclusive) {
        NavigableMap<K, RoaringBitmap> inside = (NavigableMap<K, RoaringBitmap>) byValue;
        if (low != null && high != null && ((Comparable<K>) low).compareTo(high) > 0) {
            return 0;
        }
        if (low != null) {
            inside = inside.tailMap(low, lowInclusive);
        }
        if (high != null) {
            inside = inside.headMap(high, highInclusive);
        }
        long count = 0;
        for (RoaringBitmap bitmap : inside.values()) {
            count += bitmap.getLongCardinality();
        }
        return count;
    }

    Map<K, RoaringBitmap> entries() {
        return byValue;
    }

    long sizeInBytes() {
        long bytes = present.getLongSizeInBytes();
        for (RoaringBitmap bitmap : byValue.values()) {
            bytes += 64 + bitmap.getLongSizeInBytes();
        }
        return bytes;
    }

    void optimize() {
        byValue.values().forEach(RoaringBitmap::runOptimize);
        present.runOptimize();
    }
}
