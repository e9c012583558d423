package com.asan.audience.countindex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;

/**
 * Results of the most recent queries on one column, kept once built and maintained by the column's writes: a
 * write adds its ordinal to every kept result whose query covers the written value, and a removal takes the
 * ordinal out of all of them. Used where building a result costs far more than checking a write against the few
 * results in use: e-mail text checks (a scan of the local parts) and range unions (hundreds of value or day
 * bitmaps). Readers share the index's read lock, so the map is guarded; writers hold the write lock and are alone.
 *
 * @param <Q> the query (a span of keys, a text check)
 * @param <V> the written value a query is tested against
 */
final class KeptBitmaps<Q, V> {

    private static final int CAPACITY = 16;

    private final BiPredicate<Q, V> covers;
    private final Map<Q, RoaringBitmap> kept = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Q, RoaringBitmap> eldest) {
            return size() > CAPACITY;
        }
    };

    KeptBitmaps(BiPredicate<Q, V> covers) {
        this.covers = covers;
    }

    /** The kept result of the query, built on first use; callers must not modify it. */
    RoaringBitmap get(Q query, Supplier<RoaringBitmap> build) {
        RoaringBitmap result;
        synchronized (kept) {
            result = kept.get(query);
        }
        if (result == null) {
            result = build.get();
            result.runOptimize();
            synchronized (kept) {
                kept.put(query, result);
            }
        }
        return result;
    }

    void added(V value, int ordinal) {
        kept.forEach((query, result) -> {
            if (covers.test(query, value)) {
                result.add(ordinal);
            }
        });
    }

    void removed(int ordinal) {
        kept.values().forEach(result -> result.remove(ordinal));
    }

    void clear() {
        synchronized (kept) {
            kept.clear();
        }
    }

    long sizeInBytes() {
        synchronized (kept) {
            return kept.values().stream().mapToLong(result -> 64 + result.getLongSizeInBytes()).sum();
        }
    }

    /** A span of sorted keys, both ends included. */
    record Span<K extends Comparable<K>>(K from, K to) {

        boolean contains(K key) {
            return from.compareTo(key) <= 0 && key.compareTo(to) <= 0;
        }
    }
}
