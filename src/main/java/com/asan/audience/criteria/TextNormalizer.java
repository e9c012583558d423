package com.asan.audience.criteria;

/**
 * Text comparison rule shared by every evaluator: surrounding whitespace is ignored and letter case is folded
 * code point by code point (simple case mapping), which is what PostgreSQL's {@code lower()} does under the
 * builtin C.UTF-8 and ICU providers.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String fold(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        StringBuilder folded = new StringBuilder(stripped.length());
        stripped.codePoints().map(Character::toLowerCase).forEach(folded::appendCodePoint);
        return folded.toString();
    }
}
