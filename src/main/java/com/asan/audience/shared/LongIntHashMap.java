package com.asan.audience.shared;

/**
 * Long keys to non-negative int values without boxing, by open addressing: for hot loops that code millions of
 * values (index builds). Not thread-safe.
 */
public final class LongIntHashMap {

    private long[] keys = new long[64];
    /** value + 1; 0 marks an empty slot */
    private int[] values = new int[64];
    private int size;

    /** The key's value, or -1. */
    public int get(long key) {
        int mask = values.length - 1;
        for (int slot = slot(key, mask); values[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return values[slot] - 1;
            }
        }
        return -1;
    }

    /** Maps the key to a value of 0 or more, replacing its value if it has one. */
    public void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must not be negative: " + value);
        }
        int mask = values.length - 1;
        int slot = slot(key, mask);
        while (values[slot] != 0) {
            if (keys[slot] == key) {
                values[slot] = value + 1;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value + 1;
        if (++size * 2 > values.length) {
            grow();
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        int mask = values.length - 1;
        for (int old = 0; old < oldValues.length; old++) {
            if (oldValues[old] != 0) {
                int slot = slot(oldKeys[old], mask);
                while (values[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[old];
                values[slot] = oldValues[old];
            }
        }
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
