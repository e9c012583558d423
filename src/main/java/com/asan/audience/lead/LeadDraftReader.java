package com.asan.audience.lead;

import static com.asan.audience.lead.LeadDraft.Attribute.*;

import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.Vocabulary;
import com.asan.audience.shared.EmailAddresses;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.TextLimits;
import com.asan.audience.shared.Timestamps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a lead JSON object (as plain maps and lists) into a {@link LeadDraft}, naming each bad value's path. */
final class LeadDraftReader {

    static final int MAX_TAGS = 100;

    private final Map<String, CustomFieldDefinition> fields;
    private final String region;

    LeadDraftReader(Map<String, CustomFieldDefinition> fields, String region) {
        this.fields = fields;
        this.region = region;
    }

    LeadDraft read(Map<String, Object> json, String prefix, List<FieldViolation> violations) {
        LeadDraft draft = new LeadDraft();
        for (Map.Entry<String, Object> entry : json.entrySet()) {
            String path = prefix + entry.getKey();
            Object value = entry.getValue();
            switch (entry.getKey()) {
                case "id", "updatedAt" -> { }
                case "firstName" -> { draft.mark(FIRST_NAME); draft.firstName = text(value, path, violations); }
                case "lastName" -> { draft.mark(LAST_NAME); draft.lastName = text(value, path, violations); }
                case "email" -> { draft.mark(EMAIL); draft.email = email(value, path, violations); }
                case "phone" -> { draft.mark(PHONE); phone(draft, value, path, violations); }
                case "phoneType" -> {
                    draft.mark(PHONE_TYPE);
                    draft.phoneType = choice(Vocabulary.PHONE_TYPES, value, path, violations, true);
                }
                case "status" -> { draft.mark(STATUS); draft.status = choice(Vocabulary.STATUSES, value, path, violations, false); }
                case "source" -> { draft.mark(SOURCE); draft.source = choice(Vocabulary.SOURCES, value, path, violations, false); }
                case "emailStatus" -> {
                    draft.mark(EMAIL_STATUS);
                    draft.emailStatus = choice(Vocabulary.EMAIL_STATUSES, value, path, violations, false);
                }
                case "tags" -> { draft.mark(TAGS); draft.tags = tags(value, path, violations); }
                case "assignedTo" -> { draft.mark(ASSIGNED_TO); draft.assignedTo = id(value, path, violations); }
                case "customFields" -> { draft.mark(CUSTOM_FIELDS); draft.customFields = custom(value, path, violations); }
                case "createdAt" -> {
                    draft.mark(CREATED_AT);
                    draft.createdAt = timestamp(value, path, violations);
                    if (draft.createdAt == null && value == null) {
                        violations.add(new FieldViolation(path, "must not be null"));
                    }
                }
                case "lastActiveAt" -> { draft.mark(LAST_ACTIVE_AT); draft.lastActiveAt = timestamp(value, path, violations); }
                default -> violations.add(new FieldViolation(path, "unknown field"));
            }
        }
        return draft;
    }

    private static String text(Object value, String path, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            violations.add(new FieldViolation(path, "must be a string"));
            return null;
        }
        return TextLimits.clean(s, path, violations);
    }

    private static String email(Object value, String path, List<FieldViolation> violations) {
        String email = text(value, path, violations);
        if (email != null && !EmailAddresses.isValid(email)) {
            violations.add(new FieldViolation(path, "is not a valid email address"));
            return null;
        }
        return email;
    }

    private void phone(LeadDraft draft, Object value, String path, List<FieldViolation> violations) {
        String raw = text(value, path, violations);
        if (raw == null) {
            return;
        }
        PhoneNumbers.normalize(raw, region).ifPresentOrElse(normalized -> {
            draft.phone = normalized.e164();
            draft.derivedPhoneType = normalized.derivedType();
        }, () -> violations.add(new FieldViolation(path, "is not a valid phone number for region " + region)));
    }

    private static String choice(List<String> allowed, Object value, String path, List<FieldViolation> violations,
                                 boolean nullable) {
        if (value == null) {
            if (!nullable) {
                violations.add(new FieldViolation(path, "must be one of " + String.join(", ", allowed)));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            violations.add(new FieldViolation(path, "must be a string"));
            return null;
        }
        return Vocabulary.canonical(allowed, s).orElseGet(() -> {
            violations.add(new FieldViolation(path, "must be one of " + String.join(", ", allowed)));
            return null;
        });
    }

    static List<String> tags(Object value, String path, List<FieldViolation> violations) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            violations.add(new FieldViolation(path, "must be an array of strings"));
            return List.of();
        }
        if (list.size() > MAX_TAGS) {
            violations.add(new FieldViolation(path, "at most " + MAX_TAGS + " tags"));
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String tag = text(list.get(i), path + "[" + i + "]", violations);
            if (tag != null && tag.length() > 100) {
                violations.add(new FieldViolation(path + "[" + i + "]", "must be at most 100 characters"));
            } else if (tag != null && tags.stream().noneMatch(tag::equalsIgnoreCase)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static Long id(Object value, String path, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        violations.add(new FieldViolation(path, "must be a team member id or null"));
        return null;
    }

    private static OffsetDateTime timestamp(Object value, String path, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        OffsetDateTime parsed = null;
        if (value instanceof String s) {
            try {
                parsed = OffsetDateTime.parse(s.strip()).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                try {
                    parsed = LocalDate.parse(s.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // reported below
                }
            }
        }
        if (parsed != null && Timestamps.storable(parsed)) {
            return parsed;
        }
        violations.add(new FieldViolation(path, "must be an ISO-8601 timestamp such as 2026-01-31T09:30:00Z, "
                + Timestamps.RANGE));
        return null;
    }

    private Map<String, Object> custom(Object value, String path, List<FieldViolation> violations) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            violations.add(new FieldViolation(path, "must be an object of field keys to values"));
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String fieldPath = path + "." + key;
            CustomFieldDefinition field = fields.get(key);
            if (field == null) {
                violations.add(new FieldViolation(fieldPath, "no custom field has this key"));
                continue;
            }
            values.put(key, entry.getValue() == null ? null : customValue(field, entry.getValue(), fieldPath, violations));
        }
        return values;
    }

    /** The value as stored in JSON: string, number, ISO date string or boolean. */
    static Object customValue(CustomFieldDefinition field, Object value, String path, List<FieldViolation> violations) {
        switch (field.type()) {
            case TEXT -> {
                return text(value, path, violations);
            }
            case NUMBER -> {
                if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
                    return new BigDecimal(value.toString());
                }
                if (value instanceof BigDecimal decimal) {
                    return decimal.stripTrailingZeros();
                }
                if (value instanceof Double d && Double.isFinite(d)) {
                    return BigDecimal.valueOf(d).stripTrailingZeros();
                }
                violations.add(new FieldViolation(path, "must be a number"));
                return null;
            }
            case DATE -> {
                if (value instanceof String s) {
                    try {
                        LocalDate date = LocalDate.parse(s.strip());
                        if (Timestamps.storable(date)) {
                            return date.toString();
                        }
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                }
                violations.add(new FieldViolation(path, "must be an ISO date such as 2026-05-31, " + Timestamps.RANGE));
                return null;
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                violations.add(new FieldViolation(path, "must be true or false"));
                return null;
            }
            case SELECT -> {
                if (value instanceof String s) {
                    var option = Vocabulary.canonical(field.options(), s);
                    if (option.isPresent()) {
                        return option.get();
                    }
                }
                violations.add(new FieldViolation(path, "must be one of " + String.join(", ", field.options())));
                return null;
            }
            default -> throw new IllegalStateException("unhandled type " + field.type());
        }
    }
}
