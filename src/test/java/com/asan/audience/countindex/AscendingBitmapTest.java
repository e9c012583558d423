package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** Container by container, the appended bitmap is the one RoaringBitmap's own adds give, container kinds included. */
class AscendingBitmapTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4_095, 4_096, 4_097, 30_000, 65_536})
    void givesTheContainersThatAddingOneByOneGives(int valuesPerChunk) throws IOException {
        Random random = new Random(valuesPerChunk);
        RoaringBitmap appended = new RoaringBitmap();
        AscendingBitmap writer = new AscendingBitmap(appended);
        RoaringBitmap added = new RoaringBitmap();
        for (int chunk : new int[] {0, 1, 5}) {
            // valuesPerChunk distinct low values, ascending: every value, minus random ones past the count
            boolean[] keep = new boolean[1 << 16];
            for (int kept = 0; kept < valuesPerChunk; ) {
                int low = random.nextInt(1 << 16);
                if (!keep[low]) {
                    keep[low] = true;
                    kept++;
                }
            }
            for (int low = 0; low < keep.length; low++) {
                if (keep[low]) {
                    int ordinal = (chunk << 16) | low;
                    writer.add(ordinal);
                    writer.add(ordinal); // a repeat is kept once
                    added.add(ordinal);
                }
            }
        }
        writer.flush();
        assertThat(appended).isEqualTo(added);
        assertThat(serialized(appended)).isEqualTo(serialized(added));
    }

    @Test
    void refusesOrdinalsOutOfOrderAndBitmapsThatAreNotEmpty() {
        AscendingBitmap writer = new AscendingBitmap(new RoaringBitmap());
        writer.add(70_000);
        assertThatThrownBy(() -> writer.add(69_999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.add(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AscendingBitmap(RoaringBitmap.bitmapOf(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] serialized(RoaringBitmap bitmap) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            bitmap.serialize(out);
        }
        return bytes.toByteArray();
    }
}
