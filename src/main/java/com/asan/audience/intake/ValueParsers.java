package com.asan.audience.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Reads the text of a CSV cell as the typed value a lead attribute wants; null when it cannot. */
final class ValueParsers {

    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false, "yes", true,
            "no", false, "y", true, "n", false);
    private static final Map<String, String> PHONE_TYPES = Map.ofEntries(Map.entry("mobile", "mobile"),
            Map.entry("cellular", "mobile"), Map.entry("cell", "mobile"), Map.entry("cellphone", "mobile"),
            Map.entry("landline", "landline"), Map.entry("telephone", "landline"), Map.entry("home", "landline"),
            Map.entry("work", "landline"), Map.entry("fixed", "landline"), Map.entry("unknown", "unknown"));
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private ValueParsers() {
    }

    static Boolean parseBoolean(String text) {
        return BOOLEANS.get(text.strip().toLowerCase(Locale.ROOT));
    }

    static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An ISO date (2026-05-31) or 2026/05/31, as the ISO string. */
    static String parseDate(String text) {
        String value = text.strip();
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value, SLASHED).toString();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** An ISO timestamp or date, or "2026-05-31 14:30[:00]" read as UTC; returned as ISO text for the lead reader. */
    static String parseTimestamp(String text) {
        String value = text.strip();
        try {
            return LocalDateTime.parse(value, SPACED).atOffset(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            String date = parseDate(value);
            return date != null ? date : value;
        }
    }

    static String phoneType(String text) {
        return PHONE_TYPES.getOrDefault(text.strip().toLowerCase(Locale.ROOT).replace(" ", ""), text.strip());
    }
}
