package com.asan.audience.lead;

import com.asan.audience.shared.LongIntHashMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Codes 0, 1, … for the values of one column in first-seen order, found by the value's bytes as they arrive in a
 * COPY stream (no String is made for a value seen before), by a long key, or by the value itself. Each batch takes
 * the values first seen since the previous batch.
 */
final class ValueCodes<V> {

    private final List<V> values = new ArrayList<>();
    private int taken;
    private ByteKeys byBytes;
    private final LongIntHashMap[] byLong = new LongIntHashMap[2];
    private java.util.Map<V, Integer> byValue;

    int size() {
        return values.size();
    }

    /** The code of the value whose UTF-8 bytes are given; a new value is decoded, then made by {@code parse}. */
    int code(byte[] bytes, int offset, int length, Function<String, V> parse) {
        if (byBytes == null) {
            byBytes = new ByteKeys();
        }
        int code = byBytes.find(bytes, offset, length);
        if (code < 0) {
            code = add(parse.apply(new String(bytes, offset, length, StandardCharsets.UTF_8)));
            byBytes.insert(bytes, offset, length, code);
        }
        return code;
    }

    /** The code of a long key; a new key's value is made by {@code value}, and a null value gives no code. */
    int code(long key, LongFunction<V> value) {
        return code(0, key, value);
    }

    /** As {@link #code(long, LongFunction)}, with keys of two kinds (0 and 1) kept apart. */
    int code(int kind, long key, LongFunction<V> value) {
        if (byLong[kind] == null) {
            byLong[kind] = new LongIntHashMap();
        }
        LongIntHashMap keys = byLong[kind];
        int code = keys.get(key);
        if (code < 0) {
            V made = value.apply(key);
            if (made == null) {
                return LeadBatch.NONE;
            }
            code = add(made);
            keys.put(key, code);
        }
        return code;
    }

    /** The code of a value given as an object (null: none). */
    int code(V value) {
        if (value == null) {
            return LeadBatch.NONE;
        }
        if (byValue == null) {
            byValue = new java.util.HashMap<>();
        }
        Integer code = byValue.get(value);
        if (code == null) {
            code = add(value);
            byValue.put(value, code);
        }
        return code;
    }

    private int add(V value) {
        values.add(value);
        return values.size() - 1;
    }

    /** The column of a batch: its codes and the values first seen since the last call. */
    LeadBatch.Codes<V> take(int[] codes) {
        int first = taken;
        taken = values.size();
        return new LeadBatch.Codes<>(codes, first, List.copyOf(values.subList(first, taken)));
    }

    /** Open addressing over byte strings kept in one array; a slot holds code + 1 (0 is empty). */
    private static final class ByteKeys {
        private byte[] keyBytes = new byte[1 << 10];
        private int keyLength;
        private int[] starts = new int[64];
        private int[] slots = new int[64];
        private int[] slotHashes = new int[64];
        private int count;

        int find(byte[] bytes, int offset, int length) {
            int hash = hash(bytes, offset, length);
            int mask = slots.length - 1;
            for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                int code = slots[slot] - 1;
                if (slotHashes[slot] == hash && Arrays.equals(keyBytes, starts[code], starts[code + 1], bytes,
                        offset, offset + length)) {
                    return code;
                }
            }
            return -1;
        }

        /** Codes arrive as 0, 1, …: the key of code c is bytes [starts[c], starts[c + 1]). */
        void insert(byte[] bytes, int offset, int length, int code) {
            if (code != count) {
                throw new IllegalStateException("codes must be inserted in order");
            }
            if (keyLength + length > keyBytes.length) {
                keyBytes = Arrays.copyOf(keyBytes, Math.max(keyBytes.length * 2, keyLength + length));
            }
            System.arraycopy(bytes, offset, keyBytes, keyLength, length);
            keyLength += length;
            if (count + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count + 1] = keyLength;
            count++;
            if (count * 2 > slots.length) {
                rehash(slots.length * 2);
            } else {
                place(hash(bytes, offset, length), code);
            }
        }

        private void place(int hash, int code) {
            int mask = slots.length - 1;
            int slot = hash & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = code + 1;
            slotHashes[slot] = hash;
        }

        private void rehash(int capacity) {
            slots = new int[capacity];
            slotHashes = new int[capacity];
            for (int code = 0; code < count; code++) {
                place(hash(keyBytes, starts[code], starts[code + 1] - starts[code]), code);
            }
        }

        private static int hash(byte[] bytes, int offset, int length) {
            int hash = length;
            for (int i = offset; i < offset + length; i++) {
                hash = 31 * hash + bytes[i];
            }
            return hash ^ (hash >>> 15) ^ (hash >>> 7);
        }
    }
}
