package com.asan.audience.countindex;

import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;

/**
 * One search of a {@link TextHeap}: a Horspool skip-table scan over entries that each end with a 0xFF byte (never
 * part of UTF-8, so no match spans two entries), adding the ordinal of every matching entry once; over a coded heap,
 * the entries that can match are decoded first.
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

    /**
     * Scans a heap coded with the table. {@code is} and {@code starts_with} decode only the first bytes of each
     * entry; {@code contains} and {@code ends_with} decode only the entries that hold the pattern's rarest byte
     * (inside a symbol, or escaped), since no other entry can contain the pattern.
     */
    void scanCoded(SymbolTable table, byte[] coded, int entries) {
        if (match == TextHeap.Match.PREFIX || match == TextHeap.Match.EXACT) {
            scanHeads(table, coded, entries);
            return;
        }
        byte rare = table.rarestByte(pattern);
        boolean[] carriers = table.codesContaining(rare);
        byte[] decoded = new byte[64];
        for (int ordinal = 0, position = 0; ordinal < entries; ordinal++) {
            int start = position;
            boolean candidate = false;
            for (int code = coded[position++] & 0xFF; code != SymbolTable.END; code = coded[position++] & 0xFF) {
                if (code == SymbolTable.ESCAPE) {
                    candidate |= coded[position++] == rare;
                } else {
                    candidate |= carriers[code];
                }
            }
            if (candidate) {
                int most = (position - start) * SymbolTable.maxDecodedPerCodedByte() + 8;
                if (decoded.length < most) {
                    decoded = new byte[Math.max(most, decoded.length * 2)];
                }
                scan(decoded, table.decode(coded, start, position, decoded), ordinal, null, 0);
            }
        }
    }

    private void scanHeads(SymbolTable table, byte[] coded, int entries) {
        boolean exact = match == TextHeap.Match.EXACT;
        int wanted = exact ? pattern.length + 1 : pattern.length;
        byte[] head = new byte[wanted + SymbolTable.maxDecodedPerCodedByte() + 8];
        for (int ordinal = 0, position = 0; ordinal < entries; ordinal++) {
            int written = table.decodeHead(coded, position, wanted, head);
            if (written >= wanted && Arrays.equals(head, 0, pattern.length, pattern, 0, pattern.length)
                    && (!exact || head[pattern.length] == END)) {
                found.add(ordinal);
            }
            position = SymbolTable.skipEntry(coded, position);
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
