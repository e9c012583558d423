package com.asan.audience.countindex;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A static table of up to 254 byte strings (1 to 8 bytes) that short texts are coded with, one byte per symbol, in
 * the manner of FSST (Boncz, Neumann, Leis: "FSST: Fast Random Access String Compression", VLDB 2020). It is
 * learnt from a sample: each round codes the sample with the current table, counts the symbols and adjacent pairs
 * used, and keeps the 254 with the largest gain (occurrences × length), so symbols grow up to 8 bytes in a few
 * rounds. A byte no symbol covers is written as {@link #ESCAPE} plus the byte; {@link #END} closes an entry.
 */
final class SymbolTable {

    static final int END = 0xFE;
    static final int ESCAPE = 0xFF;
    private static final int MAX_SYMBOLS = 254;
    private static final int MAX_LENGTH = 8;
    private static final int ROUNDS = 5;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Symbols by code, sorted by first byte, then second byte (one-byte symbols after the longer ones), then longest
     * first: the symbols that start with the same two bytes form a range whose first match is the longest.
     */
    final byte[][] symbols;
    private final long[] words;
    private final byte[] lengths;
    /** The code of each one-byte symbol, or -1. */
    private final int[] singleCode = new int[256];
    /** Open addressing by the first two bytes of the longer symbols: the key, and its range of codes. */
    private final int[] pairKeys;
    private final int[] pairRanges;
    private final int pairShift;

    SymbolTable(List<byte[]> chosen) {
        symbols = chosen.toArray(byte[][]::new);
        Arrays.sort(symbols, Comparator.<byte[]>comparingInt(s -> s[0] & 0xFF)
                .thenComparingInt(s -> s.length > 1 ? s[1] & 0xFF : 256).thenComparing(s -> -s.length));
        words = new long[END + 1];
        lengths = new byte[END + 1];
        words[END] = 0xFF;
        lengths[END] = 1;
        Arrays.fill(singleCode, -1);
        int slots = Integer.highestOneBit(Math.max(8, symbols.length)) * 4;
        pairShift = 32 - Integer.numberOfTrailingZeros(slots);
        pairKeys = new int[slots];
        pairRanges = new int[slots];
        Arrays.fill(pairKeys, -1);
        for (int code = 0; code < symbols.length; code++) {
            byte[] padded = Arrays.copyOf(symbols[code], 8);
            words[code] = (long) LONGS.get(padded, 0);
            lengths[code] = (byte) symbols[code].length;
            if (symbols[code].length == 1) {
                singleCode[symbols[code][0] & 0xFF] = code;
            } else {
                int key = pairKey(symbols[code], 0);
                int slot = pairSlot(key);
                // codes with the same two first bytes are consecutive: the range grows by one
                pairRanges[slot] = pairKeys[slot] == key ? pairRanges[slot] + 1 : (code << 16) | (code + 1);
                pairKeys[slot] = key;
            }
        }
    }

    private static int pairKey(byte[] text, int at) {
        return ((text[at] & 0xFF) << 8) | (text[at + 1] & 0xFF);
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int pairSlot(int key) {
        int slot = (key * 0x9E3779B1) >>> pairShift;
        while (pairKeys[slot] != -1 && pairKeys[slot] != key) {
            slot = (slot + 1) & (pairKeys.length - 1);
        }
        return slot;
    }

    /** Learns a table from sample texts (UTF-8 bytes). */
    static SymbolTable train(List<byte[]> sample) {
        SymbolTable table = new SymbolTable(List.of());
        for (int round = 0; round < ROUNDS; round++) {
            table = table.refined(sample);
        }
        for (byte[] text : sample) {
            for (byte b : text) {
                table.sampleByteCounts[b & 0xFF]++;
            }
        }
        return table;
    }

    /** How often each byte occurs in the sample the table was learnt from. */
    private final long[] sampleByteCounts = new long[256];

    /** The pattern's byte that was rarest in the sample: the best one to look for before decoding an entry. */
    byte rarestByte(byte[] pattern) {
        byte rarest = pattern[0];
        for (byte b : pattern) {
            if (sampleByteCounts[b & 0xFF] < sampleByteCounts[rarest & 0xFF]) {
                rarest = b;
            }
        }
        return rarest;
    }

    /** The codes whose symbol contains the byte (an escaped byte is the other way it can occur). */
    boolean[] codesContaining(byte b) {
        boolean[] carriers = new boolean[256];
        for (int code = 0; code < symbols.length; code++) {
            for (byte s : symbols[code]) {
                carriers[code] |= s == b;
            }
        }
        return carriers;
    }

    /** Counts which symbols (and literal bytes, as codes 256 + b) and adjacent pairs the sample uses. */
    private SymbolTable refined(List<byte[]> sample) {
        int kinds = 256 + symbols.length;
        long[] single = new long[kinds];
        Map<Long, Long> pairs = new HashMap<>();
        for (byte[] text : sample) {
            int previous = -1;
            for (int at = 0; at < text.length; ) {
                int code = longestMatch(text, at);
                int kind = code >= 0 ? 256 + code : text[at] & 0xFF;
                single[kind]++;
                if (previous >= 0) {
                    pairs.merge(((long) previous << 32) | kind, 1L, Long::sum);
                }
                previous = kind;
                at += code >= 0 ? lengths[code] : 1;
            }
        }
        Map<String, Long> gains = new HashMap<>();
        for (int kind = 0; kind < kinds; kind++) {
            if (single[kind] > 0) {
                byte[] symbol = bytesOf(kind);
                gains.merge(key(symbol), single[kind] * symbol.length, Long::sum);
            }
        }
        pairs.forEach((pair, count) -> {
            byte[] first = bytesOf((int) (pair >>> 32));
            byte[] second = bytesOf((int) (long) pair);
            if (first.length + second.length <= MAX_LENGTH) {
                byte[] joined = Arrays.copyOf(first, first.length + second.length);
                System.arraycopy(second, 0, joined, first.length, second.length);
                gains.merge(key(joined), count * joined.length, Long::sum);
            }
        });
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(gains.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
        List<byte[]> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_SYMBOLS, ranked.size()); i++) {
            chosen.add(ranked.get(i).getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return new SymbolTable(chosen);
    }

    private byte[] bytesOf(int kind) {
        return kind < 256 ? new byte[] {(byte) kind} : symbols[kind - 256];
    }

    /** One string per byte sequence (ISO-8859-1 maps each byte to one char), for counting gains. */
    private static String key(byte[] symbol) {
        return new String(symbol, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The code of the longest symbol that text has at {@code at}, or -1. */
    private int longestMatch(byte[] text, int at) {
        if (at + 1 < text.length) {
            int slot = pairSlot(pairKey(text, at));
            if (pairKeys[slot] != -1) {
                for (int code = pairRanges[slot] >>> 16, end = pairRanges[slot] & 0xFFFF; code < end; code++) {
                    if (at + lengths[code] <= text.length && endMatches(text, at, symbols[code])) {
                        return code;
                    }
                }
            }
        }
        return singleCode[text[at] & 0xFF];
    }

    /** Whether the symbol's bytes after its first two (equal by the pair key) stand in the text at {@code at}. */
    private static boolean endMatches(byte[] text, int at, byte[] symbol) {
        for (int i = 2; i < symbol.length; i++) {
            if (text[at + i] != symbol[i]) {
                return false;
            }
        }
        return true;
    }

    /** The most bytes {@link #encode} writes for a text of this length, END included. */
    static int maxEncodedLength(int textLength) {
        return 2 * textLength + 1;
    }

    /** Writes the codes of the text and END at {@code out[at]}; returns the position after them. */
    int encode(byte[] text, byte[] out, int at) {
        for (int i = 0; i < text.length; ) {
            int code = longestMatch(text, i);
            if (code >= 0) {
                out[at++] = (byte) code;
                i += lengths[code];
            } else {
                out[at++] = (byte) ESCAPE;
                out[at++] = text[i++];
            }
        }
        out[at++] = (byte) END;
        return at;
    }

    /**
     * Decodes the codes in {@code coded[from, to)} (whole entries) into {@code out} from position 0, each entry
     * followed by a 0xFF byte; {@code out} needs 8 bytes of slack past the decoded length, which is returned.
     */
    int decode(byte[] coded, int from, int to, byte[] out) {
        int written = 0;
        int at = from;
        while (at < to) {
            int code = coded[at++] & 0xFF;
            if (code == ESCAPE) {
                out[written++] = coded[at++];
            } else {
                LONGS.set(out, written, words[code]); // END's word is the single byte 0xFF
                written += lengths[code];
            }
        }
        return written;
    }

    /**
     * Decodes the entry starting at {@code coded[at]} into {@code out} until at least {@code atLeast} bytes are
     * written or the entry ends (its 0xFF included); returns the bytes written. Enough to test a prefix.
     */
    int decodeHead(byte[] coded, int at, int atLeast, byte[] out) {
        int written = 0;
        while (written < atLeast) {
            int code = coded[at++] & 0xFF;
            if (code == ESCAPE) {
                out[written++] = coded[at++];
            } else {
                LONGS.set(out, written, words[code]);
                written += lengths[code];
                if (code == END) {
                    break;
                }
            }
        }
        return written;
    }

    /** Where the entry after the one starting at {@code at} begins. */
    static int skipEntry(byte[] coded, int at) {
        while (true) {
            int code = coded[at++] & 0xFF;
            if (code == END) {
                return at;
            }
            if (code == ESCAPE) {
                at++;
            }
        }
    }

    /** The most bytes a coded byte can decode to. */
    static int maxDecodedPerCodedByte() {
        return MAX_LENGTH;
    }

    long sizeInBytes() {
        long bytes = 64 + words.length * 8L + lengths.length + singleCode.length * 4L + pairKeys.length * 8L;
        for (byte[] symbol : symbols) {
            bytes += 16 + symbol.length;
        }
        return bytes;
    }
}
