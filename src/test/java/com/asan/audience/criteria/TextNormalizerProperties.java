package com.asan.audience.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The ASCII fast paths of folding give what the general rule gives: strip, then lower-case each code point. */
class TextNormalizerProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("aZz09 @.\t\u00e9\u00c9\u0130\u2000\u00df").ofMaxLength(8);
    }

    @Property(tries = 2000, seed = "20261126")
    void fastPathsAgreeWithTheRule(@ForAll("texts") String text) {
        StringBuilder expected = new StringBuilder();
        text.strip().codePoints().map(Character::toLowerCase).forEach(expected::appendCodePoint);
        assertThat(TextNormalizer.fold(text)).isEqualTo(expected.toString());
    }
}
