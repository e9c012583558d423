package com.asan.audience.shared;

import java.util.List;

/** Shared checks for free text coming from clients. */
public final class TextLimits {

    public static final int MAX_TEXT = 1000;

    private TextLimits() {
    }

    /**
     * Trims the value; blank becomes null. Adds a violation when it is longer than {@link #MAX_TEXT}, or cannot be
     * stored as it is: the character U+0000 (PostgreSQL stores it in neither text nor jsonb), or half of a
     * surrogate pair (the driver would store a '?' in its place).
     */
    public static String clean(String value, String path, List<FieldViolation> violations) {
        return clean(value, path, MAX_TEXT, violations);
    }

    /** As {@link #clean(String, String, List)}, with a limit of {@code max} characters (at most {@link #MAX_TEXT}). */
    public static String clean(String value, String path, int max, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        String unstorable = unstorable(value);
        if (unstorable != null) {
            violations.add(new FieldViolation(path, unstorable));
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            violations.add(new FieldViolation(path, "must be at most " + max + " characters"));
            return null;
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** For text with its own length limit: the reason PostgreSQL cannot store it as it is, or null. */
    public static String unstorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return "must not contain the character U+0000";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode: character " + (i + 1) + " is half of a surrogate pair";
            }
        }
        return null;
    }
}
