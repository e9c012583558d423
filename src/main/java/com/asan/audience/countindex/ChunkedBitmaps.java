package com.asan.audience.countindex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * The per-value bitmaps of one column, written in one pass over ascending ordinals. The (value, ordinal) pairs of
 * the current chunk of 2^16 ordinals are noted as a value code and the ordinal's low bits; when the chunk ends, a
 * counting sort by code (which keeps each value's ordinals ascending) gives every value one appended container.
 * A lead-by-lead add touches a few scattered objects of each bitmap it writes; this touches two arrays.
 *
 * <p>Values are numbered in first-seen order, the order in which lead-by-lead adds would have created them.
 * A value may be given for the same ordinal more than once (multi-valued columns); it is kept once.
 */
final class ChunkedBitmaps<K> {

    private final ValueBitmaps<K> target;
    private final Function<Object, K> normalize;
    private final AscendingBitmap present;
    private final Map<K, Integer> codes = new HashMap<>();
    private final List<K> values = new ArrayList<>();
    private final List<RoaringBitmap> bitmaps = new ArrayList<>();

    private int chunk = -1;
    private int pairs;
    private int[] pairCodes = new int[256];
    private char[] pairLows = new char[256];
    private char[] sorted = new char[256];
    private int[] counts = new int[16];
    private int[] touched = new int[16];

    private ChunkedBitmaps(ValueBitmaps<K> target, RoaringBitmap present, Function<Object, K> normalize) {
        if (target != null && target.distinctValues() > 0) {
            throw new IllegalArgumentException("the column to write must start empty");
        }
        this.target = target;
        this.normalize = normalize;
        this.present = new AscendingBitmap(present);
    }

    /** Writes into the empty column on {@link #finish()}; values given to {@link #codeOfRaw} are normalised first. */
    static <K> ChunkedBitmaps<K> into(ValueBitmaps<K> target, Function<Object, K> normalize) {
        return new ChunkedBitmaps<>(target, target.present, normalize);
    }

    @SuppressWarnings("unchecked")
    static <K> ChunkedBitmaps<K> into(ValueBitmaps<K> target) {
        return into(target, raw -> (K) raw);
    }

    /** Bitmaps by value, read with {@link #forEach} after {@link #finish()}; the ordinals with any value go to present. */
    @SuppressWarnings("unchecked")
    static <K> ChunkedBitmaps<K> standalone(RoaringBitmap present) {
        return standalone(present, raw -> (K) raw);
    }

    static <K> ChunkedBitmaps<K> standalone(RoaringBitmap present, Function<Object, K> normalize) {
        return new ChunkedBitmaps<>(null, present, normalize);
    }

    /** Adds a value to an ordinal; returns the value's code: 0, 1, … in first-seen order. */
    int add(K value, int ordinal) {
        int code = codeOf(value);
        addCode(code, ordinal);
        return code;
    }

    /** The code of a value not yet normalised, for {@link #addCode}; a new value gets the next code. */
    int codeOfRaw(Object raw) {
        return codeOf(normalize.apply(raw));
    }

    private int codeOf(K value) {
        Integer code = codes.get(value);
        if (code == null) {
            code = values.size();
            codes.put(value, code);
            values.add(value);
            bitmaps.add(new RoaringBitmap());
            if (code == counts.length) {
                counts = Arrays.copyOf(counts, code * 2);
                touched = Arrays.copyOf(touched, code * 2);
            }
        }
        return code;
    }

    /** Adds the value of a code given by {@link #add} or {@link #codeOfRaw} to an ordinal. */
    void addCode(int code, int ordinal) {
        int key = ordinal >>> 16;
        if (key != chunk) {
            flush();
            chunk = key;
        }
        if (pairs == pairCodes.length) {
            pairCodes = Arrays.copyOf(pairCodes, pairs * 2);
            pairLows = Arrays.copyOf(pairLows, pairs * 2);
        }
        pairCodes[pairs] = code;
        pairLows[pairs] = (char) ordinal;
        pairs++;
        present.add(ordinal);
    }

    private void flush() {
        if (pairs == 0) {
            return;
        }
        int distinct = 0;
        for (int i = 0; i < pairs; i++) {
            if (counts[pairCodes[i]]++ == 0) {
                touched[distinct++] = pairCodes[i];
            }
        }
        int start = 0;
        for (int t = 0; t < distinct; t++) {
            int code = touched[t];
            int size = counts[code];
            counts[code] = start;
            start += size;
        }
        if (sorted.length < pairs) {
            sorted = new char[pairCodes.length];
        }
        for (int i = 0; i < pairs; i++) {
            sorted[counts[pairCodes[i]]++] = pairLows[i];
        }
        start = 0;
        for (int t = 0; t < distinct; t++) {
            int code = touched[t];
            int end = counts[code];
            counts[code] = 0;
            bitmaps.get(code).append((char) chunk, AscendingBitmap.container(sorted, start, distinctEnd(start, end)));
            start = end;
        }
        pairs = 0;
    }

    /** Moves the distinct values of the ascending run [from, to) to its front; returns where they end. */
    private int distinctEnd(int from, int to) {
        int end = from + 1;
        for (int i = from + 1; i < to; i++) {
            if (sorted[i] != sorted[end - 1]) {
                sorted[end++] = sorted[i];
            }
        }
        return end;
    }

    /** Appends the last chunk and fills the target column, values in first-seen order. */
    void finish() {
        flush();
        present.flush();
        if (target != null) {
            forEach(target.byValue::put);
        }
    }

    /** The column written into; null for {@link #standalone}. */
    ValueBitmaps<K> target() {
        return target;
    }

    void forEach(BiConsumer<K, RoaringBitmap> action) {
        for (int code = 0; code < values.size(); code++) {
            action.accept(values.get(code), bitmaps.get(code));
        }
    }
}
