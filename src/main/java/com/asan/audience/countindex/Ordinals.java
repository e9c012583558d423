package com.asan.audience.countindex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Dense per-account numbers for leads, given in arrival order. Lead ids mostly arrive ascending (a sequence), so
 * ids are kept in an array searched by bisection; the rare id that arrives out of order (concurrent writers) goes
 * to a small side map.
 */
final class Ordinals {

    private long[] ids = new long[1024];
    private int size;
    private long maxId = Long.MIN_VALUE;
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
        int index = Arrays.binarySearch(ids, 0, size, id);
        if (index < 0) {
            return -1;
        }
        while (index > 0 && ids[index - 1] == id) {
            index--;
        }
        return outOfOrderIds.containsKey(index) ? -1 : index;
    }

    int add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        int ordinal = size++;
        if (id > maxId) {
            ids[ordinal] = id;
            maxId = id;
        } else {
            ids[ordinal] = maxId;
            outOfOrder.put(id, ordinal);
            outOfOrderIds.put(ordinal, id);
        }
        live.add(ordinal);
        return ordinal;
    }

    long idOf(int ordinal) {
        Long side = outOfOrderIds.get(ordinal);
        return side != null ? side : ids[ordinal];
    }

    void retire(int ordinal) {
        live.remove(ordinal);
    }

    long sizeInBytes() {
        return ids.length * 8L + live.getLongSizeInBytes() + outOfOrder.size() * 96L;
    }
}
