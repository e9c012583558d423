package com.asan.audience.lead;

import com.asan.audience.shared.LongIntHashMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private LongIntHashMap byLong;
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
        if (byLong == null) {
            byLong = new LongIntHashMap();
        }
        int code = byLong.get(key);
        if (code < 0) {
            V made = value.apply(key);
            if (made == null) {
                return LeadBatch.NONE;
            }
            code = add(made);
            byLong.put(key, code);
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
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        private static final long GOLDEN = 0x9E3779B97F4A7C15L;

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
                if (slotHashes[slot] == hash && starts[code + 1] - starts[code] == length
                        && sameBytes(keyBytes, starts[code], bytes, offset, length)) {
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

        /** Eight bytes at a time: most values are short (names, statuses, cities). */
        private static int hash(byte[] bytes, int offset, int length) {
            long hash = length * GOLDEN;
            int i = offset;
            int end = offset + length;
            for (; i + Long.BYTES <= end; i += Long.BYTES) {
                hash = Long.rotateLeft((hash ^ (long) LONGS.get(bytes, i)) * GOLDEN, 29);
            }
            long tail = 0;
            for (int shift = 0; i < end; i++, shift += 8) {
                tail |= (bytes[i] & 0xFFL) << shift;
            }
            hash = (hash ^ tail) * GOLDEN;
            return (int) (hash ^ (hash >>> 32));
        }

        private static boolean sameBytes(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
            int i = 0;
            for (; i + Long.BYTES <= length; i += Long.BYTES) {
                if ((long) LONGS.get(a, aOffset + i) != (long) LONGS.get(b, bOffset + i)) {
                    return false;
                }
            }
            for (; i < length; i++) {
                if (a[aOffset + i] != b[bOffset + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
