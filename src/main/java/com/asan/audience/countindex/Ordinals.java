package com.asan.audience.countindex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Dense per-account numbers for leads, given in arrival order. Lead ids mostly arrive ascending (a sequence), so
 * ids are kept as 4-byte offsets from the first id in an array searched by bisection; the rare id that arrives out
 * of order (concurrent writers) or lies too far from the first goes to a small side map.
 */
final class Ordinals {

    private int[] offsets = new int[1024];
    private int size;
    private long base = Long.MIN_VALUE;
    private int maxOffset = Integer.MIN_VALUE;
    private final Map<Long, Integer> outOfOrder = new HashMap<>();
    private final Map<Integer, Long> outOfOrderIds = new HashMap<>();
    private final RoaringBitmap live = new RoaringBitmap();

    int size() {
        return size;
    }

    RoaringBitmap live() {
        return live;
    }

    /** The ordinal of a known id, or -1. */
    int find(long id) {
        Integer side = outOfOrder.get(id);
        if (side != null) {
            return side;
        }
        long offset = base == Long.MIN_VALUE ? -1 : id - base;
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            return -1;
        }
        int index = Arrays.binarySearch(offsets, 0, size, (int) offset);
        if (index < 0) {
            return -1;
        }
        while (index > 0 && offsets[index - 1] == offset) {
            index--;
        }
        return outOfOrderIds.containsKey(index) ? -1 : index;
    }

    int add(long id) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        if (base == Long.MIN_VALUE) {
            base = id;
        }
        int ordinal = size++;
        long offset = id - base;
        if (offset > maxOffset && offset <= Integer.MAX_VALUE) {
            offsets[ordinal] = (int) offset;
            maxOffset = (int) offset;
        } else {
            offsets[ordinal] = maxOffset;
            outOfOrder.put(id, ordinal);
            outOfOrderIds.put(ordinal, id);
        }
        live.add(ordinal);
        return ordinal;
    }

    long idOf(int ordinal) {
        Long side = outOfOrderIds.get(ordinal);
        return side != null ? side : base + offsets[ordinal];
    }

    void retire(int ordinal) {
        live.remove(ordinal);
    }

    void trim() {
        offsets = Arrays.copyOf(offsets, Math.max(size, 16));
        live.runOptimize();
    }

    long sizeInBytes() {
        return offsets.length * 4L + live.getLongSizeInBytes() + outOfOrder.size() * 96L;
    }
}
