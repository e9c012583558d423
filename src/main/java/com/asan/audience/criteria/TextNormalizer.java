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
        if (isFoldedAscii(value)) {
            return value;
        }
        String stripped = value.strip();
        StringBuilder folded = new StringBuilder(stripped.length());
        stripped.codePoints().map(Character::toLowerCase).forEach(folded::appendCodePoint);
        return folded.toString();
    }

    /** The common case, checked without allocating: ASCII with no capitals and no surrounding whitespace. */
    private static boolean isFoldedAscii(String value) {
        int length = value.length();
        if (length > 0 && (value.charAt(0) <= ' ' || value.charAt(length - 1) <= ' ')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
