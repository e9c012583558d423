package com.asan.audience.intake;

import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.FieldType;
import com.asan.audience.lead.DuplicatePolicy;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TextLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code options} JSON of an import against the file's columns; every bad value gets its path. */
final class ImportOptionsReader {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> KNOWN = Set.of("mapping", "newCustomFields", "valueMaps", "tagSeparator",
            "duplicates", "addTags", "assignTo");

    private final List<String> columns;
    private final Map<String, CustomFieldDefinition> fields;
    private final Set<Long> members;
    private final List<FieldViolation> violations = new ArrayList<>();

    ImportOptionsReader(List<String> columns, Map<String, CustomFieldDefinition> fields, Set<Long> members) {
        this.columns = columns;
        this.fields = fields;
        this.members = members;
    }

    /** {@code suggested} fills the mapping when the options give none. */
    ImportOptions read(Map<String, Object> json, Map<String, String> suggested) {
        json.keySet().stream().filter(key -> !KNOWN.contains(key))
                .forEach(key -> violations.add(new FieldViolation("options." + key, "unknown option")));
        List<ImportOptions.NewField> newFields = newFields(json.get("newCustomFields"));
        Map<String, String> mapping = mapping(json.get("mapping"), suggested, newFields);
        Map<String, Map<String, String>> valueMaps = valueMaps(json.get("valueMaps"));
        String separator = ",";
        Object rawSeparator = json.get("tagSeparator");
        if (rawSeparator instanceof String s && !s.isEmpty() && s.length() <= 5) {
            String unstorable = TextLimits.unstorable(s);
            if (unstorable == null) {
                separator = s;
            } else {
                violations.add(new FieldViolation("options.tagSeparator", unstorable));
            }
        } else if (rawSeparator != null) {
            violations.add(new FieldViolation("options.tagSeparator", "must be a string of 1 to 5 characters"));
        }
        DuplicatePolicy duplicates = duplicates(json.get("duplicates"));
        List<String> addTags = tags(json.get("addTags"));
        Long assignTo = assignTo(json.get("assignTo"));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new ImportOptions(mapping, newFields, valueMaps, separator, duplicates, addTags, assignTo);
    }

    private Map<String, String> mapping(Object value, Map<String, String> suggested,
                                        List<ImportOptions.NewField> newFields) {
        Map<String, String> mapping = new LinkedHashMap<>();
        columns.forEach(column -> mapping.put(column, null));
        if (value == null) {
            mapping.putAll(suggested);
        } else if (value instanceof Map<?, ?> given) {
            given.forEach((rawColumn, rawTarget) -> {
                String column = String.valueOf(rawColumn);
                String path = "options.mapping." + column;
                if (!mapping.containsKey(column)) {
                    violations.add(new FieldViolation(path, "the file has no such column; columns: "
                            + String.join(", ", columns)));
                } else if (rawTarget != null && !(rawTarget instanceof String)) {
                    violations.add(new FieldViolation(path, "must be a target name or null"));
                } else {
                    mapping.put(column, (String) rawTarget);
                }
            });
        } else {
            violations.add(new FieldViolation("options.mapping", "must be an object of column to target"));
        }
        newFields.forEach(field -> {
            if (mapping.get(field.column()) == null) {
                mapping.put(field.column(), ImportOptions.CUSTOM_PREFIX + field.key());
            }
        });
        Set<String> newKeys = new HashSet<>();
        newFields.forEach(field -> newKeys.add(field.key()));
        Map<String, String> usedBy = new HashMap<>();
        mapping.forEach((column, target) -> {
            if (target == null) {
                return;
            }
            String path = "options.mapping." + column;
            boolean custom = target.startsWith(ImportOptions.CUSTOM_PREFIX);
            String key = custom ? target.substring(ImportOptions.CUSTOM_PREFIX.length()) : null;
            if (!custom && !ImportOptions.STANDARD_TARGETS.contains(target)) {
                violations.add(new FieldViolation(path, "must be one of " + String.join(", ",
                        ImportOptions.STANDARD_TARGETS) + ", custom.<key> or null"));
            } else if (custom && !fields.containsKey(key) && !newKeys.contains(key)) {
                violations.add(new FieldViolation(path, "no custom field has key '" + key
                        + "'; add it to newCustomFields to create it"));
            } else if (usedBy.putIfAbsent(target, column) != null) {
                violations.add(new FieldViolation(path, "column '" + usedBy.get(target) + "' is already mapped to "
                        + target));
            }
        });
        if (mapping.containsValue("fullName") && (mapping.containsValue("firstName") || mapping.containsValue("lastName"))) {
            violations.add(new FieldViolation("options.mapping", "map either fullName or firstName/lastName, not both"));
        }
        return mapping;
    }

    private List<ImportOptions.NewField> newFields(Object value) {
        List<ImportOptions.NewField> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            violations.add(new FieldViolation("options.newCustomFields", "must be an array"));
            return result;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "options.newCustomFields[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                violations.add(new FieldViolation(path, "must be an object"));
                continue;
            }
            String column = text(item.get("column"), path + ".column", null);
            String key = text(item.get("key"), path + ".key", null);
            String label = text(item.get("label"), path + ".label", key);
            String typeName = text(item.get("type"), path + ".type", null);
            if (column == null || !columns.contains(column)) {
                violations.add(new FieldViolation(path + ".column", "must name a column of the file"));
            }
            if (key == null || !KEY.matcher(key).matches()) {
                violations.add(new FieldViolation(path + ".key", "must be a slug: a lowercase letter, then letters, digits or _"));
            } else if (fields.containsKey(key)) {
                violations.add(new FieldViolation(path + ".key", "a custom field with this key already exists; map the column to custom." + key));
            } else if (!keys.add(key)) {
                violations.add(new FieldViolation(path + ".key", "is listed twice"));
            }
            FieldType type = typeName == null ? null
                    : FieldType.parse(typeName.toLowerCase(Locale.ROOT)).orElse(null);
            if (type == null) {
                violations.add(new FieldViolation(path + ".type", "must be text, number, date, boolean or select"));
            }
            result.add(new ImportOptions.NewField(column, key, label, type));
        }
        return result;
    }

    private Map<String, Map<String, String>> valueMaps(Object value) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> byColumn)) {
            violations.add(new FieldViolation("options.valueMaps", "must be an object of column to value map"));
            return result;
        }
        byColumn.forEach((rawColumn, rawMap) -> {
            String column = String.valueOf(rawColumn);
            String path = "options.valueMaps." + column;
            if (!columns.contains(column)) {
                violations.add(new FieldViolation(path, "the file has no such column"));
            } else if (!(rawMap instanceof Map<?, ?> values)) {
                violations.add(new FieldViolation(path, "must be an object of file value to our value"));
            } else {
                Map<String, String> map = new HashMap<>();
                values.forEach((from, to) -> {
                    // each on its own: joined, a half pair ending one and a half pair starting the other would pass
                    String unstorable = TextLimits.unstorable(String.valueOf(from));
                    if (unstorable == null && to instanceof String t) {
                        unstorable = TextLimits.unstorable(t);
                    }
                    if (to != null && !(to instanceof String)) {
                        violations.add(new FieldViolation(path + "." + from, "must be a string or null"));
                    } else if (unstorable != null) {
                        violations.add(new FieldViolation(path + "." + from, unstorable));
                    } else {
                        map.put(String.valueOf(from).strip().toLowerCase(Locale.ROOT), (String) to);
                    }
                });
                result.put(column, map);
            }
        });
        return result;
    }

    private DuplicatePolicy duplicates(Object value) {
        if (value == null || "skip".equals(value)) {
            return DuplicatePolicy.SKIP;
        }
        if ("update".equals(value)) {
            return DuplicatePolicy.UPDATE;
        }
        violations.add(new FieldViolation("options.duplicates", "must be skip or update"));
        return DuplicatePolicy.SKIP;
    }

    private List<String> tags(Object value) {
        List<String> tags = new ArrayList<>();
        if (value == null) {
            return tags;
        }
        if (!(value instanceof List<?> list)) {
            violations.add(new FieldViolation("options.addTags", "must be an array of strings"));
            return tags;
        }
        for (int i = 0; i < list.size(); i++) {
            String tag = text(list.get(i), "options.addTags[" + i + "]", null);
            if (tag != null && !tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return tags;
    }

    private Long assignTo(Object value) {
        if (value == null) {
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && members.contains(((Number) value).longValue())) {
            return ((Number) value).longValue();
        }
        violations.add(new FieldViolation("options.assignTo", "must be the id of a team member of this account"));
        return null;
    }

    private String text(Object value, String path, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            violations.add(new FieldViolation(path, "must be a string"));
            return fallback;
        }
        return TextLimits.clean(s, path, violations);
    }
}
