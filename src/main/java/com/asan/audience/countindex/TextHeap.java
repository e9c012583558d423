package com.asan.audience.countindex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * One short text per ordinal, packed as UTF-8 in ordinal order with a 0xFF byte after each (0xFF never occurs in
 * UTF-8, so no match can cross two entries). Searches run over the whole heap with a Horspool skip table; a match
 * is mapped to its ordinal by counting terminators from the previous match, or from a checkpoint kept every
 * {@value #CHECKPOINT} entries. Values changed after they were appended live in a small side map until the heap
 * is compacted. Costs the text's bytes plus about 1.1 bytes per ordinal.
 */
final class TextHeap {

    enum Match { CONTAINS, PREFIX, SUFFIX, EXACT }

    private static final byte END = (byte) 0xFF;
    private static final int CHECKPOINT = 32;

    private byte[] bytes = new byte[4096];
    private int length;
    private int entries;
    private int[] checkpoints = new int[64];
    /** Entries whose heap bytes are no longer the ordinal's value. */
    private final RoaringBitmap stale = new RoaringBitmap();
    private final Map<Integer, String> replaced = new HashMap<>();
    private final int minCompaction;

    TextHeap() {
        this(1024);
    }

    /** {@code minCompaction}: how many replaced values (at least) trigger a compaction; tests use small values. */
    TextHeap(int minCompaction) {
        this.minCompaction = minCompaction;
    }

    String get(int ordinal) {
        String side = replaced.get(ordinal);
        if (side != null || ordinal >= entries || stale.contains(ordinal)) {
            return side;
        }
        int start = startOf(ordinal);
        int end = start;
        while (bytes[end] != END) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** Sets the ordinal's text; ordinals beyond the heap's end are appended (with empty entries in between). */
    void set(int ordinal, String text) {
        while (entries < ordinal) {
            append("");
            stale.add(entries - 1);
        }
        if (ordinal == entries) {
            append(text);
            return;
        }
        if (text.equals(heapValue(ordinal))) {
            stale.remove(ordinal);
            replaced.remove(ordinal);
            return;
        }
        stale.add(ordinal);
        replaced.put(ordinal, text);
        if (replaced.size() > Math.max(minCompaction, entries / 8)) {
            compact();
        }
    }

    void clear(int ordinal) {
        if (ordinal < entries) {
            stale.add(ordinal);
        }
        replaced.remove(ordinal);
    }

    private String heapValue(int ordinal) {
        int start = startOf(ordinal);
        int end = start;
        while (bytes[end] != END) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private void append(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (length + utf8.length + 1 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + utf8.length + 1, bytes.length + (bytes.length >> 1)));
        }
        if (entries % CHECKPOINT == 0) {
            if (entries / CHECKPOINT == checkpoints.length) {
                checkpoints = Arrays.copyOf(checkpoints, checkpoints.length * 2);
            }
            checkpoints[entries / CHECKPOINT] = length;
        }
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        bytes[length++] = END;
        entries++;
    }

    private int startOf(int ordinal) {
        int position = checkpoints[ordinal / CHECKPOINT];
        for (int skip = ordinal % CHECKPOINT; skip > 0; skip--) {
            while (bytes[position] != END) {
                position++;
            }
            position++;
        }
        return position;
    }

    /** Ordinals (among those with a value) whose text matches the needle in the given way. */
    RoaringBitmap find(String needle, Match match) {
        RoaringBitmap found = new RoaringBitmap();
        byte[] pattern = needle.getBytes(StandardCharsets.UTF_8);
        if (pattern.length == 0) {
            if (match == Match.CONTAINS || match == Match.PREFIX || match == Match.SUFFIX) {
                found.add(0L, entries);
            } else {
                findEmptyEntries(found);
            }
        } else {
            search(pattern, match, found);
        }
        found.andNot(stale);
        replaced.forEach((ordinal, text) -> {
            if (matches(text, needle, match)) {
                found.add(ordinal);
            }
        });
        return found;
    }

    static boolean matches(String text, String needle, Match match) {
        return switch (match) {
            case CONTAINS -> text.contains(needle);
            case PREFIX -> text.startsWith(needle);
            case SUFFIX -> text.endsWith(needle);
            case EXACT -> text.equals(needle);
        };
    }

    private void findEmptyEntries(RoaringBitmap found) {
        int ordinal = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == END) {
                if (i == 0 || bytes[i - 1] == END) {
                    found.add(ordinal);
                }
                ordinal++;
            }
        }
    }

    private void search(byte[] pattern, Match match, RoaringBitmap found) {
        int m = pattern.length;
        int[] shift = new int[256];
        Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) {
            shift[pattern[i] & 0xFF] = m - 1 - i;
        }
        byte last = pattern[m - 1];
        int cursorOrdinal = 0;
        int cursorPosition = 0;
        int position = 0;
        while (position <= length - m) {
            byte tail = bytes[position + m - 1];
            if (tail == last && regionMatches(position, pattern)) {
                boolean startsEntry = position == 0 || bytes[position - 1] == END;
                boolean endsEntry = bytes[position + m] == END;
                boolean wanted = switch (match) {
                    case CONTAINS -> true;
                    case PREFIX -> startsEntry;
                    case SUFFIX -> endsEntry;
                    case EXACT -> startsEntry && endsEntry;
                };
                if (wanted) {
                    if (position - cursorPosition > CHECKPOINT * 24) {
                        int checkpoint = checkpointBefore(position);
                        cursorOrdinal = checkpoint * CHECKPOINT;
                        cursorPosition = checkpoints[checkpoint];
                    }
                    for (; cursorPosition < position; cursorPosition++) {
                        if (bytes[cursorPosition] == END) {
                            cursorOrdinal++;
                        }
                    }
                    found.add(cursorOrdinal);
                    // one hit per entry is enough: continue after its terminator
                    int next = position + m;
                    while (bytes[next] != END) {
                        next++;
                    }
                    position = next + 1;
                    continue;
                }
            }
            position += shift[tail & 0xFF];
        }
    }

    private boolean regionMatches(int position, byte[] pattern) {
        for (int i = pattern.length - 2; i >= 0; i--) {
            if (bytes[position + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    private int checkpointBefore(int position) {
        int index = Arrays.binarySearch(checkpoints, 0, (entries + CHECKPOINT - 1) / CHECKPOINT, position);
        return index >= 0 ? index : -index - 2;
    }

    /** Rewrites the heap with every ordinal's current text, emptying the side map. */
    void compact() {
        TextHeap fresh = new TextHeap();
        for (int ordinal = 0; ordinal < entries; ordinal++) {
            String value = get(ordinal);
            fresh.append(value == null ? "" : value);
            if (value == null) {
                fresh.stale.add(ordinal);
            }
        }
        bytes = fresh.bytes;
        length = fresh.length;
        checkpoints = fresh.checkpoints;
        stale.clear();
        stale.or(fresh.stale);
        replaced.clear();
    }

    void trim() {
        bytes = Arrays.copyOf(bytes, Math.max(length, 16));
        checkpoints = Arrays.copyOf(checkpoints, Math.max((entries + CHECKPOINT - 1) / CHECKPOINT, 1));
        stale.runOptimize();
    }

    long sizeInBytes() {
        return bytes.length + checkpoints.length * 4L + stale.getLongSizeInBytes() + replaced.size() * 96L;
    }
}
