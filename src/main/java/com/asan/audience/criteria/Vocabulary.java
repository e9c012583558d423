package com.asan.audience.criteria;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fixed value sets of a lead, with the exact spellings the API and storage use. */
public final class Vocabulary {

    public static final List<String> STATUSES = List.of("Hot", "Warm", "Cold", "New", "Nurture");
    public static final List<String> SOURCES = List.of("Facebook", "Website", "CSV import", "Manual", "API");
    public static final List<String> PHONE_TYPES = List.of("mobile", "landline", "unknown");
    public static final List<String> EMAIL_STATUSES = List.of("subscribed", "unsubscribed", "bounced");

    private Vocabulary() {
    }

    /** The canonical spelling of {@code value} among {@code allowed}, ignoring letter case and outer spaces. */
    public static Optional<String> canonical(List<String> allowed, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip();
        return allowed.stream().filter(candidate -> candidate.equalsIgnoreCase(wanted)).findFirst();
    }

    static String describe(List<String> allowed) {
        return String.join(", ", Arrays.asList(allowed.toArray(String[]::new)));
    }
}
