package com.asan.audience.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders criteria JSON in plain words, e.g. "Status is Hot AND Source is Facebook". */
final class CriteriaDescriber {

    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("is", "is"), Map.entry("is_not", "is not"), Map.entry("in", "is any of"),
            Map.entry("not_in", "is none of"), Map.entry("has_any", "has any of"), Map.entry("has_all", "has all of"),
            Map.entry("has_none", "has none of"), Map.entry("is_empty", "is empty"),
            Map.entry("is_not_empty", "is not empty"), Map.entry("in_last_days", "is in the last"),
            Map.entry("not_in_last_days", "is not in the last"), Map.entry("before", "is before"),
            Map.entry("after", "is after"), Map.entry("between", "is between"), Map.entry("opened", "opened"),
            Map.entry("not_opened", "did not open"), Map.entry("clicked", "clicked"),
            Map.entry("not_clicked", "did not click"), Map.entry("contains", "contains"),
            Map.entry("not_contains", "does not contain"), Map.entry("starts_with", "starts with"),
            Map.entry("gt", "is greater than"), Map.entry("gte", "is at least"), Map.entry("lt", "is less than"),
            Map.entry("lte", "is at most"));

    private final Map<String, String> fieldLabels;
    private final Map<Long, String> memberNames;
    private final Map<Long, String> campaignNames;

    CriteriaDescriber(Map<String, String> fieldLabels, Map<Long, String> memberNames, Map<Long, String> campaignNames) {
        this.fieldLabels = fieldLabels;
        this.memberNames = memberNames;
        this.campaignNames = campaignNames;
    }

    String describe(Map<String, Object> group) {
        String text = describeGroup(group, true);
        return text.isEmpty() ? "Every lead" : text;
    }

    @SuppressWarnings("unchecked")
    private String describeGroup(Map<String, Object> group, boolean root) {
        List<Object> members = (List<Object>) group.getOrDefault("conditions", List.of());
        String match = String.valueOf(group.get("match"));
        List<String> parts = members.stream().map(member -> {
            Map<String, Object> map = (Map<String, Object>) member;
            return map.containsKey("field") ? describeCondition(map) : "(" + describeGroup(map, false) + ")";
        }).toList();
        if (parts.isEmpty()) {
            return "";
        }
        return switch (match) {
            case "any" -> String.join(" OR ", parts);
            case "none" -> "NOT (" + String.join(" OR ", parts) + ")";
            default -> String.join(" AND ", parts);
        };
    }

    @SuppressWarnings("unchecked")
    private String describeCondition(Map<String, Object> condition) {
        String field = String.valueOf(condition.get("field"));
        String operator = String.valueOf(condition.get("operator"));
        Object value = condition.get("value");
        String label = fieldLabels.getOrDefault(field, field);
        if (field.equals("engagement")) {
            Map<String, Object> engagement = (Map<String, Object>) value;
            Object campaign = engagement.get("campaign");
            String which = "last".equals(campaign) ? "the last campaign" : "any".equals(campaign) ? "any campaign"
                    : "campaign “" + campaignNames.getOrDefault(((Number) campaign).longValue(), "#" + campaign) + "”";
            String within = engagement.get("within_days") == null ? ""
                    : " within the last " + engagement.get("within_days") + " days";
            return "Lead " + OPERATORS.getOrDefault(operator, operator) + " " + which + within;
        }
        String words = OPERATORS.getOrDefault(operator, operator);
        if (value == null) {
            return label + " " + words;
        }
        if (operator.endsWith("in_last_days")) {
            return label + " " + words + " " + value + " days";
        }
        if (operator.equals("between") && value instanceof List<?> pair) {
            return label + " " + words + " " + render(field, pair.get(0)) + " and " + render(field, pair.get(1));
        }
        if (value instanceof List<?> list) {
            return label + " " + words + " " + list.stream().map(v -> render(field, v)).collect(Collectors.joining(", "));
        }
        return label + " " + words + " " + render(field, value);
    }

    private String render(String field, Object value) {
        if (field.equals("assigned_to") && value instanceof Number id) {
            return memberNames.getOrDefault(id.longValue(), "#" + id);
        }
        return String.valueOf(value);
    }
}
