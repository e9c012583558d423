package com.asan.audience.countindex;

import java.util.Arrays;

/** Fills an empty {@link TimeColumn} from values given in ascending ordinal order, bitmaps a container at a time. */
final class TimeColumnBuilder {

    private final TimeColumn target;
    private final ChunkedBitmaps<Long> days;
    private final AscendingBitmap oddSecond;
    private final AscendingBitmap fractional;
    private char[] halfSecondOfDay = new char[1024];
    private long lastDay = Long.MIN_VALUE;
    private Long lastDayKey;

    TimeColumnBuilder(TimeColumn target) {
        if (!target.present.isEmpty()) {
            throw new IllegalArgumentException("the time column to write must start empty");
        }
        this.target = target;
        this.days = ChunkedBitmaps.standalone(target.present);
        this.oddSecond = new AscendingBitmap(target.oddSecond);
        this.fractional = new AscendingBitmap(target.fractional);
        Arrays.fill(halfSecondOfDay, TimeColumn.ABSENT);
    }

    /** The value of a new ordinal: what {@link TimeColumn#set} stores for it, given as a half-second key. */
    void add(int ordinal, long key) {
        long day = Math.floorDiv(key, TimeColumn.DAY_KEYS);
        if (day != lastDay) {
            lastDay = day;
            lastDayKey = day;
        }
        days.add(lastDayKey, ordinal);
        if (ordinal >= halfSecondOfDay.length) {
            int old = halfSecondOfDay.length;
            halfSecondOfDay = Arrays.copyOf(halfSecondOfDay, Math.max(ordinal + 1, old * 2));
            Arrays.fill(halfSecondOfDay, old, halfSecondOfDay.length, TimeColumn.ABSENT);
        }
        int secondOfDay = (int) (Math.floorDiv(key, 2L) - day * TimeColumn.DAY_SECONDS);
        halfSecondOfDay[ordinal] = (char) (secondOfDay >> 1);
        if ((secondOfDay & 1) == 1) {
            oddSecond.add(ordinal);
        }
        if ((key & 1) == 1) {
            fractional.add(ordinal);
        }
    }

    TimeColumn finish() {
        days.finish();
        oddSecond.flush();
        fractional.flush();
        days.forEach((day, bucket) -> {
            target.days.put(day, bucket);
            target.dayLookup.put(day, bucket);
        });
        target.halfSecondOfDay = halfSecondOfDay;
        return target;
    }
}
