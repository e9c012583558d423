package com.asan.audience.intake;

import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.lead.IncomingLead;
import com.asan.audience.shared.FieldViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns a CSV row into lead JSON by the import's mapping; problems it can see itself become row errors. */
final class RowConverter {

    /** One problem with one row; {@code column} is null when the whole row is at fault. */
    record RowError(long row, String column, String value, String message) {
    }

    record Converted(IncomingLead lead, List<RowError> errors) {
    }

    private final List<String> header;
    private final ImportOptions options;
    private final Map<String, CustomFieldDefinition> fields;
    private final Map<String, Long> membersByEmail;
    private final Map<String, String> columnByPath = new HashMap<>();
    private final String[] targets;

    RowConverter(List<String> header, ImportOptions options, Map<String, CustomFieldDefinition> fields,
                 Map<String, Long> membersByEmail) {
        this.header = header;
        this.options = options;
        this.fields = fields;
        this.membersByEmail = membersByEmail;
        this.targets = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String target = options.mapping().get(header.get(i));
            targets[i] = target;
            if (target != null) {
                columnByPath.put(pathOf(target), header.get(i));
                if (target.equals("fullName")) {
                    columnByPath.put("firstName", header.get(i));
                    columnByPath.put("lastName", header.get(i));
                }
            }
        }
    }

    Converted convert(CsvRows.Row row) {
        List<RowError> errors = new ArrayList<>();
        List<String> cells = row.fields();
        if (cells.size() != header.size()) {
            errors.add(new RowError(row.number(), null, null,
                    "has " + cells.size() + " fields; the header has " + header.size()));
            return new Converted(null, errors);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>(options.addTags());
        for (int i = 0; i < cells.size(); i++) {
            if (targets[i] == null) {
                continue;
            }
            String column = header.get(i);
            String value = mapped(column, cells.get(i));
            if (value == null || value.isBlank()) {
                continue;
            }
            value = value.strip();
            String target = targets[i];
            switch (target) {
                case "fullName" -> splitName(value, json);
                case "phoneType" -> json.put("phoneType", ValueParsers.phoneType(value));
                case "tags" -> {
                    for (String tag : value.split(Pattern.quote(options.tagSeparator()))) {
                        if (!tag.isBlank()) {
                            tags.add(tag.strip());
                        }
                    }
                }
                case "assignedTo" -> {
                    Long member = membersByEmail.get(value.toLowerCase(Locale.ROOT));
                    if (member == null) {
                        errors.add(new RowError(row.number(), column, value, "no team member has this email"));
                    } else {
                        json.put("assignedTo", member);
                    }
                }
                case "createdAt" -> json.put("createdAt", ValueParsers.parseTimestamp(value));
                default -> {
                    if (target.startsWith(ImportOptions.CUSTOM_PREFIX)) {
                        String key = target.substring(ImportOptions.CUSTOM_PREFIX.length());
                        Object typed = customValue(fields.get(key), value);
                        if (typed == null) {
                            errors.add(new RowError(row.number(), column, value, "is not a valid "
                                    + fields.get(key).type().name().toLowerCase(Locale.ROOT)));
                        } else {
                            custom.put(key, typed);
                        }
                    } else {
                        json.put(target, value);
                    }
                }
            }
        }
        if (!json.containsKey("assignedTo") && options.assignTo() != null) {
            json.put("assignedTo", options.assignTo());
        }
        if (!tags.isEmpty()) {
            json.put("tags", tags);
        }
        if (!custom.isEmpty()) {
            json.put("customFields", custom);
        }
        return new Converted(errors.isEmpty() ? new IncomingLead(row.number(), json) : null, errors);
    }

    /** The lead reader's complaint about a converted row, pointed back at the column it came from. */
    RowError explain(long row, FieldViolation violation, List<String> cells) {
        String path = violation.path();
        String base = path.replaceAll("\\[\\d+]$", "");
        String column = columnByPath.get(base);
        String value = null;
        if (column != null && cells != null) {
            int index = header.indexOf(column);
            value = index >= 0 && index < cells.size() ? cells.get(index) : null;
        }
        return new RowError(row, column, value, column == null ? path + " " + violation.message() : violation.message());
    }

    private String mapped(String column, String raw) {
        Map<String, String> values = options.valueMaps().get(column);
        if (values == null) {
            return raw;
        }
        String key = raw.strip().toLowerCase(Locale.ROOT);
        return values.containsKey(key) ? values.get(key) : raw;
    }

    private static void splitName(String value, Map<String, Object> json) {
        int comma = value.indexOf(',');
        if (comma > 0) {
            json.put("lastName", value.substring(0, comma).strip());
            json.put("firstName", value.substring(comma + 1).strip());
            return;
        }
        int space = value.lastIndexOf(' ');
        if (space < 0) {
            json.put("firstName", value);
        } else {
            json.put("firstName", value.substring(0, space).strip());
            json.put("lastName", value.substring(space + 1).strip());
        }
    }

    private static Object customValue(CustomFieldDefinition field, String value) {
        return switch (field.type()) {
            case NUMBER -> {
                BigDecimal number = ValueParsers.parseNumber(value);
                yield number == null ? null : number;
            }
            case BOOLEAN -> ValueParsers.parseBoolean(value);
            case DATE -> ValueParsers.parseDate(value);
            default -> value;
        };
    }

    private static String pathOf(String target) {
        if (target.startsWith(ImportOptions.CUSTOM_PREFIX)) {
            return "customFields." + target.substring(ImportOptions.CUSTOM_PREFIX.length());
        }
        return target;
    }
}
