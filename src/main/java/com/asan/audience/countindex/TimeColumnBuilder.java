package com.asan.audience.countindex;

import com.asan.audience.shared.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Fills an empty {@link TimeColumn} from values given in ascending ordinal order, bitmaps a container at a time. */
final class TimeColumnBuilder {

    private final TimeColumn target;
    private final ChunkedBitmaps<Long> days;
    private final AscendingBitmap oddSecond;
    private final AscendingBitmap fractional;
    /** Per day code of {@code days}, the half seconds of its ordinals in ascending ordinal order. */
    private final List<char[]> halfSeconds = new ArrayList<>();
    private int[] counts = new int[16];
    /** Day to its code in {@code days}: a day's first add gives it the next code. */
    private final LongIntHashMap dayCodes = new LongIntHashMap();

    TimeColumnBuilder(TimeColumn target) {
        if (!target.present.isEmpty()) {
            throw new IllegalArgumentException("the time column to write must start empty");
        }
        this.target = target;
        this.days = ChunkedBitmaps.standalone(target.present);
        this.oddSecond = new AscendingBitmap(target.oddSecond);
        this.fractional = new AscendingBitmap(target.fractional);
    }

    /** The value of a new ordinal: what {@link TimeColumn#set} stores for it, given as a half-second key. */
    void add(int ordinal, long key) {
        long day = Math.floorDiv(key, TimeColumn.DAY_KEYS);
        int code = dayCodes.get(day);
        if (code < 0) {
            code = days.codeOfRaw(day);
            dayCodes.put(day, code);
        }
        days.addCode(code, ordinal);
        int secondOfDay = (int) (Math.floorDiv(key, 2L) - day * TimeColumn.DAY_SECONDS);
        note(code, (char) (secondOfDay >> 1));
        if ((secondOfDay & 1) == 1) {
            oddSecond.add(ordinal);
        }
        if ((key & 1) == 1) {
            fractional.add(ordinal);
        }
    }

    private void note(int code, char halfSecond) {
        if (code == halfSeconds.size()) {
            halfSeconds.add(new char[16]);
            if (code == counts.length) {
                counts = Arrays.copyOf(counts, code * 2);
            }
        }
        char[] values = halfSeconds.get(code);
        int count = counts[code];
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
            halfSeconds.set(code, values);
        }
        values[count] = halfSecond;
        counts[code] = count + 1;
    }

    TimeColumn finish() {
        days.finish();
        oddSecond.flush();
        fractional.flush();
        TreeMap<Long, DayBuckets.Bucket> inDayOrder = new TreeMap<>();
        int[] code = {0};
        days.forEach((day, ordinals) -> {
            int count = counts[code[0]];
            inDayOrder.put(day, new DayBuckets.Bucket(ordinals, Arrays.copyOf(halfSeconds.get(code[0]++), count)));
        });
        inDayOrder.forEach(target.days::append);
        return target;
    }
}
