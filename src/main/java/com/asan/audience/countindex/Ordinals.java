package com.asan.audience.countindex;

import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Dense per-account numbers for leads, given in arrival order. Lead ids mostly arrive ascending (a sequence), so
 * such ids are kept as offsets from the first id in a bitmap: the k-th smallest offset belongs to the k-th ordinal
 * given to an ascending id, found by rank and select. A run of consecutive ids (a bulk load) then costs next to
 * nothing, and ids shared with other accounts' leads about 1–2 bytes each. The rare id that arrives out of order
 * (concurrent writers) or lies too far from the first goes to a small side map.
 */
final class Ordinals {

    int size;
    long base = Long.MIN_VALUE;
    int maxOffset = -1;
    /**
     * Not a {@code FastRankRoaringBitmap}: its rank cache is rebuilt lazily, in place, by the reader that finds it
     * stale, and readers share the index's read lock. Rank and select here walk the containers (16 per million ids).
     */
    final RoaringBitmap ascendingOffsets = new RoaringBitmap();
    /** The ordinals of the side map, ascending; empty in the common case. */
    final RoaringBitmap sideOrdinals = new RoaringBitmap();
    final Map<Long, Integer> outOfOrder = new HashMap<>();
    final Map<Integer, Long> outOfOrderIds = new HashMap<>();
    final RoaringBitmap live = new RoaringBitmap();

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
        if (offset < 0 || offset > maxOffset || !ascendingOffsets.contains((int) offset)) {
            return -1;
        }
        int k = (int) ascendingOffsets.rank((int) offset) - 1;
        return sideOrdinals.isEmpty() ? k : kthAscendingOrdinal(k);
    }

    /** The k-th ordinal (from 0) that is not in the side map. */
    private int kthAscendingOrdinal(int k) {
        int ordinal = k;
        IntIterator side = sideOrdinals.getIntIterator();
        while (side.hasNext() && side.next() <= ordinal) {
            ordinal++;
        }
        return ordinal;
    }

    int add(long id) {
        if (base == Long.MIN_VALUE) {
            base = id;
        }
        int ordinal = size++;
        long offset = id - base;
        if (offset > maxOffset && offset <= Integer.MAX_VALUE) {
            ascendingOffsets.add((int) offset);
            maxOffset = (int) offset;
        } else {
            sideOrdinals.add(ordinal);
            outOfOrder.put(id, ordinal);
            outOfOrderIds.put(ordinal, id);
        }
        live.add(ordinal);
        return ordinal;
    }

    long idOf(int ordinal) {
        Long side = outOfOrderIds.get(ordinal);
        if (side != null) {
            return side;
        }
        int k = sideOrdinals.isEmpty() ? ordinal : ordinal - (int) sideOrdinals.rankLong(ordinal);
        return base + Integer.toUnsignedLong(ascendingOffsets.select(k));
    }

    void retire(int ordinal) {
        live.remove(ordinal);
    }

    void trim() {
        ascendingOffsets.runOptimize();
        live.runOptimize();
    }

    long sizeInBytes() {
        return ascendingOffsets.getLongSizeInBytes() + sideOrdinals.getLongSizeInBytes() + live.getLongSizeInBytes()
                + outOfOrder.size() * 96L;
    }
}
