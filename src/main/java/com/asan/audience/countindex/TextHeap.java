package com.asan.audience.countindex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * One short text per ordinal, packed as UTF-8 in ordinal order with a 0xFF byte after each (0xFF never occurs in
 * UTF-8, so no match can cross two entries). Searches run over the whole heap with a Horspool skip table; a match
 * is mapped to its ordinal by counting terminators from the previous match, or from a checkpoint kept every
 * {@value #CHECKPOINT} entries. Values changed after they were appended live in a small side map until the heap
 * is compacted. Costs the text's bytes plus about 1.1 bytes per ordinal.
 *
 * <p>Once the heap holds {@value #TRAIN_AT} entries it is coded with a {@link SymbolTable} learnt from them (and
 * learnt again at each compaction, or when new text no longer fits it): about a third of the bytes for e-mail local
 * parts. A search then decodes only what it must (see {@link HeapScan#scanCoded}).
 */
final class TextHeap {

    enum Match { CONTAINS, PREFIX, SUFFIX, EXACT }

    private static final byte END = HeapScan.END;
    private static final int CHECKPOINT = HeapScan.CHECKPOINT;
    private static final int TRAIN_AT = 4096;
    private static final int SAMPLE = 16_384;

    byte[] bytes = new byte[4096];
    int length;
    int entries;
    int[] checkpoints = new int[64];
    /** Entries whose heap bytes are no longer the ordinal's value. */
    final RoaringBitmap stale = new RoaringBitmap();
    final Map<Integer, String> replaced = new HashMap<>();
    final int minCompaction;
    final int trainAt;
    /** Null while the heap is plain UTF-8. */
    SymbolTable table;
    /** How the table fits text appended since it was learnt: text unlike the sample is mostly escapes (up to 2×). */
    long plainSinceLearnt;
    long codedSinceLearnt;
    double learntRatio = 1;
    int learntAt;

    TextHeap() {
        this(1024, TRAIN_AT);
    }

    /**
     * {@code minCompaction}: how many replaced values (at least) trigger a compaction; {@code trainAt}: how many
     * entries make the heap learn a symbol table. Tests use small values.
     */
    TextHeap(int minCompaction, int trainAt) {
        this.minCompaction = minCompaction;
        this.trainAt = trainAt;
    }

    String get(int ordinal) {
        String side = replaced.get(ordinal);
        if (side != null || ordinal >= entries || stale.contains(ordinal)) {
            return side;
        }
        return heapValue(ordinal);
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
        if (table != null) {
            int end = nextStart(start);
            byte[] decoded = new byte[(end - start) * SymbolTable.maxDecodedPerCodedByte() + 8];
            int decodedLength = table.decode(bytes, start, end, decoded) - 1;
            return new String(decoded, 0, decodedLength, StandardCharsets.UTF_8);
        }
        return new String(bytes, start, nextStart(start) - 1 - start, StandardCharsets.UTF_8);
    }

    private void append(String text) {
        if (table == null && entries == trainAt) {
            compact(); // learns the symbol table
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int most = table == null ? utf8.length + 1 : SymbolTable.maxEncodedLength(utf8.length);
        if (length + most > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + most, bytes.length + (bytes.length >> 1)));
        }
        if (entries % CHECKPOINT == 0) {
            if (entries / CHECKPOINT == checkpoints.length) {
                checkpoints = Arrays.copyOf(checkpoints, checkpoints.length * 2);
            }
            checkpoints[entries / CHECKPOINT] = length;
        }
        if (table != null) {
            int start = length;
            length = table.encode(utf8, bytes, length);
            plainSinceLearnt += utf8.length + 1;
            codedSinceLearnt += length - start;
        } else {
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            bytes[length++] = END;
        }
        entries++;
        // learn again once the heap has doubled since, if the table fits the new text a quarter worse than its sample
        if (table != null && entries - learntAt >= Math.max(learntAt, trainAt)
                && codedSinceLearnt > 1.25 * learntRatio * plainSinceLearnt) {
            compact();
        }
    }

    /** The heap's bytes in use. */
    int usedBytes() {
        return length;
    }

    private int startOf(int ordinal) {
        int position = checkpoints[ordinal / CHECKPOINT];
        for (int skip = ordinal % CHECKPOINT; skip > 0; skip--) {
            position = nextStart(position);
        }
        return position;
    }

    /** Where the entry after the one starting at {@code start} begins. */
    private int nextStart(int start) {
        if (table != null) {
            return SymbolTable.skipEntry(bytes, start);
        }
        int position = start;
        while (bytes[position] != END) {
            position++;
        }
        return position + 1;
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
        if (table != null) {
            for (int ordinal = 0, position = 0; ordinal < entries; ordinal++, position = nextStart(position)) {
                if ((bytes[position] & 0xFF) == SymbolTable.END) {
                    found.add(ordinal);
                }
            }
            return;
        }
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
        HeapScan scan = new HeapScan(pattern, match, found);
        if (table == null) {
            scan.scan(bytes, length, 0, checkpoints, (entries + CHECKPOINT - 1) / CHECKPOINT);
        } else {
            scan.scanCoded(table, bytes, entries);
        }
    }

    /** Rewrites the heap with every ordinal's current text, emptying the side map (and learning a new table). */
    void compact() {
        String[] values = new String[entries];
        List<byte[]> sample = new ArrayList<>();
        int step = Math.max(1, entries / SAMPLE);
        for (int ordinal = 0; ordinal < entries; ordinal++) {
            values[ordinal] = get(ordinal);
            if (ordinal % step == 0 && values[ordinal] != null) {
                sample.add(values[ordinal].getBytes(StandardCharsets.UTF_8));
            }
        }
        TextHeap fresh = new TextHeap(minCompaction, trainAt);
        fresh.table = entries >= trainAt ? SymbolTable.train(sample) : null;
        fresh.learntAt = Integer.MAX_VALUE; // no second learning while rewriting
        for (int ordinal = 0; ordinal < entries; ordinal++) {
            fresh.append(values[ordinal] == null ? "" : values[ordinal]);
            if (values[ordinal] == null) {
                fresh.stale.add(ordinal);
            }
        }
        table = fresh.table;
        learntRatio = (double) fresh.codedSinceLearnt / Math.max(1, fresh.plainSinceLearnt);
        learntAt = entries;
        plainSinceLearnt = 0;
        codedSinceLearnt = 0;
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
        return bytes.length + checkpoints.length * 4L + stale.getLongSizeInBytes() + replaced.size() * 96L
                + (table == null ? 0 : table.sizeInBytes());
    }
}
