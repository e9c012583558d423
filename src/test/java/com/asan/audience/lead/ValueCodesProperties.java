package com.asan.audience.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Value codes made from bytes inside a larger buffer (as a COPY stream gives them) against a map of strings: the
 * same text always gets the same code, codes count up in first-seen order, and batches taken along the way list
 * exactly the values new since the last one. Texts share prefixes and lengths around the 8-byte step of the hash.
 */
class ValueCodesProperties {

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab").ofMinLength(0).ofMaxLength(17),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(7).ofMaxLength(9),
                Arbitraries.of("Hot", "Warm", "Cold", "Toronto", "Toronto ", "toronto", "Zoë", "Zoë", "日本", ""));
        return text.list().ofMaxSize(400);
    }

    @Property(tries = 300, seed = "20261127")
    void equalTextsShareACodeAndBatchesListTheNewValues(@ForAll("texts") List<String> texts,
                                                         @ForAll @IntRange(min = 1, max = 50) int batchEvery,
                                                         @ForAll @IntRange(min = 0, max = 5) int padding) {
        ValueCodes<String> codes = new ValueCodes<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[utf8.length + 2 * padding];
            java.util.Arrays.fill(buffer, (byte) 'a');
            System.arraycopy(utf8, 0, buffer, padding, utf8.length);
            int code = codes.code(buffer, padding, utf8.length, value -> value);
            Integer known = expected.putIfAbsent(text, expected.size());
            assertThat(code).as("code of %s", text).isEqualTo(known == null ? expected.size() - 1 : known);
            if ((i + 1) % batchEvery == 0) {
                LeadBatch.Codes<String> batch = codes.take(new int[0]);
                assertThat(batch.firstNewCode()).isEqualTo(taken.size());
                taken.addAll(batch.newValues());
            }
        }
        taken.addAll(codes.take(new int[0]).newValues());
        assertThat(taken).containsExactlyElementsOf(expected.keySet());
        assertThat(codes.size()).isEqualTo(expected.size());
    }
}
