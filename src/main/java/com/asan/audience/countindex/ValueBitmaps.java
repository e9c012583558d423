package com.asan.audience.countindex;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/** One bitmap per distinct value of an attribute, plus the bitmap of ordinals that have any value. */
final class ValueBitmaps<K> {

    /**
     * Hashed, or a tree for sorted columns. A write looks its value up in the tree (a few hundred values, ~10
     * comparisons); bulk builds code values by hash in {@link ChunkedBitmaps} instead, so a hash map beside the
     * tree, 48 bytes a value, no longer pays for itself. As builds hash the keys of sorted columns, those keys must
     * have equals consistent with compareTo ({@link AccountIndex#customKey} strips a number's trailing zeros).
     */
    final Map<K, RoaringBitmap> byValue;
    final RoaringBitmap present = new RoaringBitmap();
    /** Unions of value spans in use (sorted columns only; see {@link KeptBitmaps}). */
    @SuppressWarnings("rawtypes")
    final KeptBitmaps unions;

    @SuppressWarnings("rawtypes")
    private ValueBitmaps(Map<K, RoaringBitmap> byValue, KeptBitmaps unions) {
        this.byValue = byValue;
        this.unions = unions;
    }

    static <K> ValueBitmaps<K> hashed() {
        return new ValueBitmaps<>(new HashMap<>(), null);
    }

    /** Keeps values ordered, for range queries (numbers, dates). */
    static <K extends Comparable<K>> ValueBitmaps<K> sorted() {
        return new ValueBitmaps<>(new TreeMap<>(), new KeptBitmaps<KeptBitmaps.Span<K>, K>(KeptBitmaps.Span::contains));
    }

    @SuppressWarnings("unchecked")
    void add(K value, int ordinal) {
        RoaringBitmap bitmap = byValue.get(value);
        if (bitmap == null) {
            bitmap = new RoaringBitmap();
            byValue.put(value, bitmap);
        }
        bitmap.add(ordinal);
        present.add(ordinal);
        if (unions != null) {
            unions.added(value, ordinal);
        }
    }

    /**
     * Makes value the ordinal's only value (null: none). Nothing changes when it already is, found by one lookup;
     * otherwise the old value is removed, which asks every value's bitmap.
     */
    void set(K value, int ordinal) {
        if (value != null) {
            RoaringBitmap current = byValue.get(value);
            if (current != null && current.contains(ordinal)) {
                return;
            }
        }
        remove(ordinal);
        if (value != null) {
            add(value, ordinal);
        }
    }

    /** Removes the ordinal from every value; cost grows with the number of distinct values. */
    @SuppressWarnings("unchecked")
    void remove(int ordinal) {
        if (!present.contains(ordinal)) {
            return;
        }
        var values = byValue.entrySet().iterator();
        while (values.hasNext()) {
            Map.Entry<K, RoaringBitmap> value = values.next();
            if (value.getValue().checkedRemove(ordinal)) {
                if (unions != null) {
                    unions.removed(ordinal);
                }
                if (value.getValue().isEmpty()) {
                    values.remove();
                }
            }
        }
        present.remove(ordinal);
    }

    /** Takes a value from every ordinal that holds it. */
    void removeValue(K value) {
        RoaringBitmap bitmap = byValue.remove(value);
        if (bitmap == null) {
            return;
        }
        present.andNot(bitmap);
        if (unions != null) {
            unions.clear(); // kept unions of spans holding the value; rebuilt on their next use
        }
    }

    /** The union of the values in a sub-map of this sorted column, kept for later queries; do not modify it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private RoaringBitmap union(NavigableMap<K, RoaringBitmap> values) {
        if (values.isEmpty()) {
            return new RoaringBitmap();
        }
        return unions.get(new KeptBitmaps.Span<>((Comparable) values.firstKey(), (Comparable) values.lastKey()),
                () -> FastAggregation.or(values.values().iterator()));
    }

    RoaringBitmap present() {
        return present;
    }

    /** Whether values are kept in order, for ranges (numbers and dates). */
    boolean isSorted() {
        return unions != null;
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
    RoaringBitmap range(K low, boolean lowInclusive, K high, boolean highInclusive) {
        return restrictRange(null, low, lowInclusive, high, highInclusive);
    }

    /**
     * The candidates (null: every ordinal) whose value lies in [low, high] (null = open end). On the wide side of a
     * range it subtracts the values outside from the candidates, so no bitmap the size of the range is built.
     */
    @SuppressWarnings("unchecked")
    RoaringBitmap restrictRange(RoaringBitmap candidates, K low, boolean lowInclusive, K high, boolean highInclusive) {
        NavigableMap<K, RoaringBitmap> sorted = (NavigableMap<K, RoaringBitmap>) byValue;
        NavigableMap<K, RoaringBitmap> inside = inside(low, lowInclusive, high, highInclusive);
        if (inside == null) {
            return new RoaringBitmap();
        }
        if (inside.size() * 2 <= sorted.size()) {
            return candidates == null ? union(inside).clone() : RoaringBitmap.and(candidates, union(inside));
        }
        RoaringBitmap result = candidates == null ? present.clone() : RoaringBitmap.and(candidates, present);
        if (low != null) {
            result.andNot(union(sorted.headMap(low, !lowInclusive)));
        }
        if (high != null) {
            result.andNot(union(sorted.tailMap(high, !highInclusive)));
        }
        return result;
    }

    /** How many ordinals have a value in [low, high] (null = open end), summing cardinalities. */
    long countRange(K low, boolean lowInclusive, K high, boolean highInclusive) {
        NavigableMap<K, RoaringBitmap> inside = inside(low, lowInclusive, high, highInclusive);
        if (inside == null) {
            return 0;
        }
        long count = 0;
        for (RoaringBitmap bitmap : inside.values()) {
            count += bitmap.getLongCardinality();
        }
        return count;
    }

    /** The values in [low, high] (null = open end) of this sorted column; null when low is above high. */
    @SuppressWarnings("unchecked")
    private NavigableMap<K, RoaringBitmap> inside(K low, boolean lowInclusive, K high, boolean highInclusive) {
        if (low != null && high != null && ((Comparable<K>) low).compareTo(high) > 0) {
            return null;
        }
        NavigableMap<K, RoaringBitmap> inside = (NavigableMap<K, RoaringBitmap>) byValue;
        if (low != null) {
            inside = inside.tailMap(low, lowInclusive);
        }
        if (high != null) {
            inside = inside.headMap(high, highInclusive);
        }
        return inside;
    }

    Map<K, RoaringBitmap> entries() {
        return byValue;
    }

    long sizeInBytes() {
        long bytes = present.getLongSizeInBytes() + (unions == null ? 0 : unions.sizeInBytes());
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
