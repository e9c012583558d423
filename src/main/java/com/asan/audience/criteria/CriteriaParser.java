package com.asan.audience.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads criteria from their JSON form (decoded into maps, lists, strings, numbers and booleans) and validates
 * them against the language and the account's custom fields. Never throws anything but
 * {@link InvalidCriteriaException}, whatever the input.
 */
public final class CriteriaParser {

    public static final int MAX_DEPTH = 5;
    public static final int MAX_CONDITIONS = 200;

    private final ConditionReader conditions;
    private final OnFirstUse<Map<String, CustomFieldDefinition>> customFields;

    public CriteriaParser(Map<String, CustomFieldDefinition> customFields) {
        this(OnFirstUse.known(Map.copyOf(customFields)));
    }

    private CriteriaParser(OnFirstUse<Map<String, CustomFieldDefinition>> customFields) {
        this.customFields = customFields;
        this.conditions = new ConditionReader(customFields);
    }

    /** A parser that looks the account's custom fields up only when criteria name one. */
    public static CriteriaParser lookingUpFieldsOnUse(Supplier<Map<String, CustomFieldDefinition>> customFields) {
        return new CriteriaParser(new OnFirstUse<>(() -> Map.copyOf(customFields.get())));
    }

    /** The custom fields this parser types conditions by: a parse result holds only while they are unchanged. */
    public Map<String, CustomFieldDefinition> customFields() {
        return customFields.get();
    }

    public Group parse(Object json, String path) {
        List<CriteriaViolation> violations = new ArrayList<>();
        int[] conditionCount = {0};
        Group group = group(json, path, 1, violations, conditionCount);
        if (conditionCount[0] > MAX_CONDITIONS) {
            violations.add(new CriteriaViolation(path, "at most " + MAX_CONDITIONS + " conditions per segment, got "
                    + conditionCount[0]));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCriteriaException(violations);
        }
        return group;
    }

    private Group group(Object json, String path, int depth, List<CriteriaViolation> violations, int[] count) {
        if (!(json instanceof Map<?, ?> map)) {
            violations.add(new CriteriaViolation(path, "must be a group: {\"match\": \"all\", \"conditions\": [...]}"));
            return Group.everyone();
        }
        if (depth > MAX_DEPTH) {
            violations.add(new CriteriaViolation(path, "groups nest at most " + MAX_DEPTH + " deep"));
            return Group.everyone();
        }
        for (Object key : map.keySet()) {
            if (!"match".equals(key) && !"conditions".equals(key)) {
                violations.add(new CriteriaViolation(path + "." + key, "unknown field"));
            }
        }
        Match match = Match.ALL;
        Object matchValue = map.get("match");
        if (matchValue == null) {
            violations.add(new CriteriaViolation(path + ".match", "is required: all, any or none"));
        } else if (!(matchValue instanceof String s) || !Set.of("all", "any", "none").contains(s)) {
            violations.add(new CriteriaViolation(path + ".match", "must be all, any or none"));
        } else {
            match = Match.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
        Object membersValue = map.get("conditions");
        if (!(membersValue instanceof List<?> list)) {
            violations.add(new CriteriaViolation(path + ".conditions", "must be an array of conditions and groups"));
            return new Group(match, List.of());
        }
        if (list.isEmpty() && depth > 1) {
            violations.add(new CriteriaViolation(path + ".conditions", "a nested group needs at least one condition"));
        }
        List<Criterion> members = new ArrayList<>();
        for (int i = 0; i < list.size() && count[0] <= MAX_CONDITIONS; i++) {
            String memberPath = path + ".conditions[" + i + "]";
            Object member = list.get(i);
            if (member instanceof Map<?, ?> memberMap && memberMap.containsKey("field")) {
                count[0]++;
                conditions.read(memberMap, memberPath, violations).ifPresent(members::add);
            } else if (member instanceof Map<?, ?> memberMap
                    && (memberMap.containsKey("match") || memberMap.containsKey("conditions"))) {
                members.add(group(member, memberPath, depth + 1, violations, count));
            } else {
                violations.add(new CriteriaViolation(memberPath,
                        "must be a condition {\"field\", \"operator\", \"value\"} or a group {\"match\", \"conditions\"}"));
            }
        }
        return new Group(match, members);
    }

    /** The JSON form of criteria, as the API returns and stores them. */
    public static Map<String, Object> toJson(Group group) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("match", group.match().wire());
        List<Object> members = new ArrayList<>();
        for (Criterion member : group.members()) {
            if (member instanceof Group nested) {
                members.add(toJson(nested));
            } else {
                Condition condition = (Condition) member;
                Map<String, Object> conditionJson = new LinkedHashMap<>();
                conditionJson.put("field", condition.field());
                conditionJson.put("operator", condition.operator().wire());
                if (condition.value() != null) {
                    conditionJson.put("value", condition.value());
                }
                members.add(conditionJson);
            }
        }
        json.put("conditions", members);
        return json;
    }
}
