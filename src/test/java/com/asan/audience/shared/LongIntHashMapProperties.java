package com.asan.audience.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The primitive map against a HashMap: keys that collide in the low bits (multiples of large powers of two),
 * negative and extreme keys, replaced values, and growth past several resizes.
 */
class LongIntHashMapProperties {

    @Provide
    Arbitrary<List<Tuple.Tuple2<Long, Integer>>> puts() {
        Arbitrary<Long> keys = Arbitraries.oneOf(
                Arbitraries.longs().between(-50, 50),
                Arbitraries.longs().between(0, 1 << 20).map(k -> k << 32),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L),
                Arbitraries.longs());
        return Arbitraries.integers().between(0, Integer.MAX_VALUE - 1).flatMap(value -> keys.map(key ->
                Tuple.of(key, value))).list().ofMaxSize(2_000);
    }

    @Property(tries = 200, seed = "20261127")
    void everyKeyHasItsLastValueAndOnlyPutKeysHaveOne(@ForAll("puts") List<Tuple.Tuple2<Long, Integer>> puts,
                                                       @ForAll("puts") List<Tuple.Tuple2<Long, Integer>> probes) {
        LongIntHashMap map = new LongIntHashMap();
        Map<Long, Integer> expected = new HashMap<>();
        for (Tuple.Tuple2<Long, Integer> put : puts) {
            map.put(put.get1(), put.get2());
            expected.put(put.get1(), put.get2());
            assertThat(map.get(put.get1())).isEqualTo(put.get2());
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> assertThat(map.get(key)).as("key %d", key).isEqualTo(value));
        for (Tuple.Tuple2<Long, Integer> probe : probes) {
            assertThat(map.get(probe.get1())).isEqualTo(expected.getOrDefault(probe.get1(), -1));
        }
    }

    @Example
    void negativeValuesAreRefused() {
        assertThatThrownBy(() -> new LongIntHashMap().put(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
