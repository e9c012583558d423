package com.asan.audience.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Shape checks for condition values, and the violations found while one condition is read. */
final class ConditionValues {

    static final int MAX_DAYS = 36_500;

    private ConditionValues() {
    }

    /** Holds the violations of one condition while it is read. */
    static final class Problems {
        final String path;
        final List<CriteriaViolation> all;
        boolean found;

        Problems(String path, List<CriteriaViolation> all) {
            this.path = path;
            this.all = all;
        }

        void at(String suffix, String message) {
            all.add(new CriteriaViolation(path + suffix, message));
            found = true;
        }
    }

    static List<String> single(Object value, Problems problems) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > 1000) {
            problems.at(".value", value == null ? "is required" : "must be a non-blank string of at most 1000 characters");
            return List.of("");
        }
        if (!storable(s)) {
            problems.at(".value", UNSTORABLE);
            return List.of("");
        }
        return List.of(s.strip());
    }

    private static final String UNSTORABLE = "must not contain U+0000 or half of a surrogate pair";

    /** A value is stored with its segment; PostgreSQL stores neither U+0000 nor half a surrogate pair in text. */
    private static boolean storable(String value) {
        return value.codePoints().noneMatch(c -> c == 0 || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
    }

    static List<String> list(Object value, Problems problems) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 1000) {
            problems.at(".value", value == null ? "is required" : "must be a non-empty array of at most 1000 strings");
            return List.of("");
        }
        return java.util.stream.IntStream.range(0, list.size()).mapToObj(i -> {
            Object item = list.get(i);
            if (!(item instanceof String s) || s.isBlank() || s.length() > 1000) {
                problems.at(".value[" + i + "]", "must be a non-blank string");
                return "";
            }
            if (!storable(s)) {
                problems.at(".value[" + i + "]", UNSTORABLE);
                return "";
            }
            return s.strip();
        }).distinct().toList();
    }

    static Integer days(Object value, String suffix, Problems problems) {
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 1
                && ((Number) value).longValue() <= MAX_DAYS) {
            return ((Number) value).intValue();
        }
        problems.at(suffix, "must be a whole number of days from 1 to " + MAX_DAYS);
        return null;
    }

    static LocalDate date(Object value, String suffix, Problems problems) {
        if (value instanceof String s) {
            try {
                LocalDate date = LocalDate.parse(s.strip());
                if (date.getYear() >= 1 && date.getYear() <= 9999) {
                    return date;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        problems.at(suffix, "must be an ISO date such as 2026-05-31, years 0001 to 9999");
        return null;
    }

    static BigDecimal decimal(Object value, String suffix, Problems problems) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d);
        }
        problems.at(suffix, "must be a number");
        return null;
    }

    static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    static Condition noValue(String field, Operator operator, Object value, Check check, Problems problems) {
        if (value != null) {
            problems.at(".value", "must be left out for " + operator.wire());
            return null;
        }
        return new Condition(field, operator, null, check);
    }

    static boolean allowedOperator(Set<Operator> operators, Operator operator, String field, Problems problems) {
        if (!operators.contains(operator)) {
            problems.at(".operator", "'" + operator.wire() + "' does not apply to " + field + "; use one of "
                    + operators.stream().map(Operator::wire).collect(Collectors.joining(", ")));
            return false;
        }
        return true;
    }

}
