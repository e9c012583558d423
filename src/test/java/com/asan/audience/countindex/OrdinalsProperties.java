package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Ordinals against a plain list: ids mostly ascending with gaps, some out of order, before the first id or more
 * than 2^31 past it; every id maps to its ordinal and back, and an unknown id to -1.
 */
class OrdinalsProperties {

    @Provide
    Arbitrary<List<Long>> steps() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.longs().between(1, 3)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(4, 200_000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-50, -1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(3_000_000_000L))).list().ofMaxSize(300);
    }

    @Property(tries = 300, seed = "20261126")
    void everyIdMapsToItsOrdinalAndBack(@ForAll("steps") List<Long> steps) {
        Ordinals ordinals = new Ordinals();
        List<Long> ids = new ArrayList<>();
        Set<Long> known = new HashSet<>();
        long id = 1_000;
        for (long step : steps) {
            id += step;
            if (known.add(id)) {
                assertThat(ordinals.find(id)).as("not yet added: %d", id).isEqualTo(-1);
                assertThat(ordinals.add(id)).isEqualTo(ids.size());
                ids.add(id);
            }
        }
        for (int ordinal = 0; ordinal < ids.size(); ordinal++) {
            assertThat(ordinals.idOf(ordinal)).as("id of ordinal %d in %s", ordinal, ids).isEqualTo(ids.get(ordinal));
            assertThat(ordinals.find(ids.get(ordinal))).as("ordinal of id %d in %s", ids.get(ordinal), ids)
                    .isEqualTo(ordinal);
        }
        ordinals.trim();
        for (int ordinal = 0; ordinal < ids.size(); ordinal++) {
            assertThat(ordinals.find(ids.get(ordinal))).isEqualTo(ordinal);
        }
        for (long unknown : List.of(id + 1, 999L, 1_000L + 3_000_000_000L - 7)) {
            if (!known.contains(unknown)) {
                assertThat(ordinals.find(unknown)).isEqualTo(-1);
            }
        }
        assertThat(ordinals.size()).isEqualTo(ids.size());
    }
}
