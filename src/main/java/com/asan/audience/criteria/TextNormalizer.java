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
        return value == null ? null : lowerCase(value.strip());
    }

    /** Letter case folded code point by code point, as {@link #fold} does, with nothing stripped. */
    public static String lowerCase(String value) {
        int shape = asciiShape(value);
        if (shape == FOLDED) {
            return value;
        }
        if (shape == CAPITALS) {
            char[] lower = value.toCharArray();
            for (int i = 0; i < lower.length; i++) {
                if (lower[i] >= 'A' && lower[i] <= 'Z') {
                    lower[i] += 'a' - 'A';
                }
            }
            return new String(lower);
        }
        StringBuilder folded = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            folded.appendCodePoint(Character.toLowerCase(codePoint));
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    private static final int FOLDED = 0;
    private static final int CAPITALS = 1;
    private static final int OTHER = 2;

    /** The common cases, told apart without allocating: ASCII with or without capitals. */
    private static int asciiShape(String value) {
        int shape = FOLDED;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return OTHER;
            }
            if (c >= 'A' && c <= 'Z') {
                shape = CAPITALS;
            }
        }
        return shape;
    }
}
