package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class ValueBitmapsTest {

    /** A removed value leaves every ordinal that held it, kept range unions included. */
    @Test
    void removingAValueTakesItFromTheRangesKeptBeforeToo() {
        ValueBitmaps<BigDecimal> sorted = ValueBitmaps.sorted();
        for (int ordinal = 0; ordinal < 12; ordinal++) {
            sorted.add(BigDecimal.valueOf(ordinal % 6), ordinal);
        }
        // a range over few of the values is answered from (and keeps) the union of the span 0..2
        assertThat(sorted.range(BigDecimal.ZERO, true, BigDecimal.valueOf(2), true))
                .isEqualTo(RoaringBitmap.bitmapOf(0, 1, 2, 6, 7, 8));

        sorted.removeValue(BigDecimal.ONE);

        // the same span 0..2 again: its kept union must not hold the removed value's ordinals
        assertThat(sorted.range(BigDecimal.ZERO, true, BigDecimal.valueOf(2), true))
                .isEqualTo(RoaringBitmap.bitmapOf(0, 2, 6, 8));
        assertThat(sorted.present()).isEqualTo(RoaringBitmap.bitmapOf(0, 2, 3, 4, 5, 6, 8, 9, 10, 11));
        assertThat(sorted.distinctValues()).isEqualTo(5);
        sorted.add(BigDecimal.ONE, 12);
        assertThat(sorted.of(BigDecimal.ONE)).isEqualTo(RoaringBitmap.bitmapOf(12));
    }
}
