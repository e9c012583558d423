package com.asan.audience.countindex;

import java.util.Arrays;
import org.roaringbitmap.ArrayContainer;
import org.roaringbitmap.BitmapContainer;
import org.roaringbitmap.Container;
import org.roaringbitmap.RoaringBitmap;

/**
 * Writes ascending ordinals into an empty bitmap a container at a time: the low 16 bits of one chunk of 2^16
 * ordinals are gathered in an array and appended as one container when the next chunk starts. Repeats of the
 * last ordinal are ignored.
 */
final class AscendingBitmap {

    /** The most values an array container holds; RoaringBitmap turns a fuller one into a bitmap container. */
    private static final int MAX_ARRAY_VALUES = 4_096;

    private final RoaringBitmap target;
    private char[] lows = new char[64];
    private int count;
    private int chunk = -1;

    AscendingBitmap(RoaringBitmap target) {
        if (!target.isEmpty()) {
            throw new IllegalArgumentException("the bitmap to write must start empty");
        }
        this.target = target;
    }

    void add(int ordinal) {
        int key = ordinal >>> 16;
        char low = (char) ordinal;
        if (key != chunk) {
            if (key < chunk) {
                throw new IllegalArgumentException("ordinal " + ordinal + " arrived after a larger one");
            }
            flush();
            chunk = key;
        } else if (count > 0 && lows[count - 1] >= low) {
            if (lows[count - 1] == low) {
                return;
            }
            throw new IllegalArgumentException("ordinal " + ordinal + " arrived after a larger one");
        }
        if (count == lows.length) {
            lows = Arrays.copyOf(lows, Math.min(1 << 16, count * 2));
        }
        lows[count++] = low;
    }

    /** Appends the chunk in progress; call once after the last add. */
    void flush() {
        if (count > 0) {
            target.append((char) chunk, container(lows, 0, count));
            count = 0;
        }
    }

    /** The container RoaringBitmap's own adds would hold these ascending, distinct low bits in. */
    static Container container(char[] ascending, int from, int to) {
        int size = to - from;
        if (size <= MAX_ARRAY_VALUES) {
            return new ArrayContainer(Arrays.copyOfRange(ascending, from, to));
        }
        long[] words = new long[1 << 10];
        for (int i = from; i < to; i++) {
            words[ascending[i] >>> 6] |= 1L << ascending[i];
        }
        return new BitmapContainer(words, size);
    }
}
