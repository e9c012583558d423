package com.asan.audience.shared;

import java.util.List;

/** Shared checks for free text coming from clients. */
public final class TextLimits {

    public static final int MAX_TEXT = 1000;

    private TextLimits() {
    }

    /**
     * Trims the value; blank becomes null. Adds a violation when it is longer than {@link #MAX_TEXT}, or holds the
     * character U+0000, which PostgreSQL stores in neither text nor jsonb.
     */
    public static String clean(String value, String path, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            violations.add(new FieldViolation(path, "must not contain the character U+0000"));
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT) {
            violations.add(new FieldViolation(path, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
