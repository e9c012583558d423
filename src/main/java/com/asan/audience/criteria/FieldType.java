package com.asan.audience.criteria;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The type of a custom field, which decides its operators and how its values are stored. */
public enum FieldType {
    TEXT, NUMBER, DATE, BOOLEAN, SELECT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> parse(String value) {
        return Arrays.stream(values()).filter(type -> type.wire().equals(value)).findFirst();
    }
}
