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
        int ascii = asciiShape(value);
        if (ascii == FOLDED) {
            return value;
        }
        if (ascii == CAPITALS) {
            char[] lower = value.toCharArray();
            for (int i = 0; i < lower.length; i++) {
                if (lower[i] >= 'A' && lower[i] <= 'Z') {
                    lower[i] += 'a' - 'A';
                }
            }
            return new String(lower);
        }
        String stripped = value.strip();
        StringBuilder folded = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); ) {
            int codePoint = stripped.codePointAt(i);
            folded.appendCodePoint(Character.toLowerCase(codePoint));
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    private static final int FOLDED = 0;
    private static final int CAPITALS = 1;
    private static final int OTHER = 2;

    /** The common cases, told apart without allocating: ASCII with no surrounding whitespace, with or without capitals. */
    private static int asciiShape(String value) {
        int length = value.length();
        if (length > 0 && (value.charAt(0) <= ' ' || value.charAt(length - 1) <= ' ')) {
            return OTHER;
        }
        int shape = FOLDED;
        for (int i = 0; i < length; i++) {
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
