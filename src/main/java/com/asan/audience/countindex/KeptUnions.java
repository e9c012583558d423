package com.asan.audience.countindex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;

/**
 * Unions of a sorted column's bitmaps over a span of keys (the values of a number field, the days of a time
 * column), kept once built and maintained by the column's writes: a write adds or removes its ordinal in every
 * kept span that contains its key. A range inside an AND or OR needs such a union, and building one costs hundreds
 * of microseconds per million leads, while maintaining the few in use costs a comparison per write. A relative
 * window ("in the last 90 days") keeps the same span of whole days until midnight, so it is kept too.
 */
final class KeptUnions<K extends Comparable<K>> {

    private static final int CAPACITY = 16;

    private record Span<K>(K from, K to) {
    }

    private final Map<Span<K>, RoaringBitmap> kept = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Span<K>, RoaringBitmap> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The union of the keys in [from, to], built on first use; callers must not modify it. */
    RoaringBitmap union(K from, K to, Supplier<RoaringBitmap> build) {
        Span<K> span = new Span<>(from, to);
        RoaringBitmap union;
        synchronized (kept) {
            union = kept.get(span);
        }
        if (union == null) {
            union = build.get();
            union.runOptimize();
            synchronized (kept) {
                kept.put(span, union);
            }
        }
        return union;
    }

    void added(K key, int ordinal) {
        kept.forEach((span, union) -> {
            if (contains(span, key)) {
                union.add(ordinal);
            }
        });
    }

    void removed(K key, int ordinal) {
        kept.forEach((span, union) -> {
            if (contains(span, key)) {
                union.remove(ordinal);
            }
        });
    }

    private static <K extends Comparable<K>> boolean contains(Span<K> span, K key) {
        return span.from().compareTo(key) <= 0 && key.compareTo(span.to()) <= 0;
    }

    long sizeInBytes() {
        synchronized (kept) {
            return kept.values().stream().mapToLong(union -> 64 + union.getLongSizeInBytes()).sum();
        }
    }
}
