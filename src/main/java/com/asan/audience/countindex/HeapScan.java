package com.asan.audience.countindex;

import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;

/**
 * One search of a {@link TextHeap}: a Horspool skip-table scan over entries that each end with a 0xFF byte (never
 * part of UTF-8, so no match spans two entries), adding the ordinal of every matching entry once.
 */
final class HeapScan {

    static final byte END = (byte) 0xFF;
    /** Entries between two checkpoints of the plain heap. */
    static final int CHECKPOINT = 32;

    private final byte[] pattern;
    private final int[] shift = new int[256];
    private final TextHeap.Match match;
    private final RoaringBitmap found;

    HeapScan(byte[] pattern, TextHeap.Match match, RoaringBitmap found) {
        this.pattern = pattern;
        this.match = match;
        this.found = found;
        int m = pattern.length;
        Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) {
            shift[pattern[i] & 0xFF] = m - 1 - i;
        }
    }

    /**
     * Scans {@code text[0, textLength)}, whose first entry is {@code firstOrdinal}. With {@code checkpoints} (the
     * start of every {@value #CHECKPOINT}th entry of this very text, {@code checkpointCount} of them) a hit far from
     * the previous one finds its ordinal from the nearest checkpoint instead of counting every terminator between.
     */
    void scan(byte[] text, int textLength, int firstOrdinal, int[] checkpoints, int checkpointCount) {
        int m = pattern.length;
        byte last = pattern[m - 1];
        int cursorOrdinal = firstOrdinal;
        int cursorPosition = 0;
        int position = 0;
        while (position <= textLength - m) {
            byte tail = text[position + m - 1];
            if (tail == last && regionMatches(text, position)) {
                boolean startsEntry = position == 0 || text[position - 1] == END;
                boolean endsEntry = text[position + m] == END;
                boolean wanted = switch (match) {
                    case CONTAINS -> true;
                    case PREFIX -> startsEntry;
                    case SUFFIX -> endsEntry;
                    case EXACT -> startsEntry && endsEntry;
                };
                if (wanted) {
                    if (checkpoints != null && position - cursorPosition > CHECKPOINT * 24) {
                        int checkpoint = checkpointBefore(checkpoints, checkpointCount, position);
                        cursorOrdinal = firstOrdinal + checkpoint * CHECKPOINT;
                        cursorPosition = checkpoints[checkpoint];
                    }
                    for (; cursorPosition < position; cursorPosition++) {
                        if (text[cursorPosition] == END) {
                            cursorOrdinal++;
                        }
                    }
                    found.add(cursorOrdinal);
                    // one hit per entry is enough: continue after its terminator
                    int next = position + m;
                    while (text[next] != END) {
                        next++;
                    }
                    position = next + 1;
                    continue;
                }
            }
            position += shift[tail & 0xFF];
        }
    }

    private boolean regionMatches(byte[] text, int position) {
        for (int i = pattern.length - 2; i >= 0; i--) {
            if (text[position + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    /** The last of the first {@code count} checkpoints at or before the position. */
    private static int checkpointBefore(int[] checkpoints, int count, int position) {
        int index = Arrays.binarySearch(checkpoints, 0, count, position);
        return index >= 0 ? index : -index - 2;
    }
}
