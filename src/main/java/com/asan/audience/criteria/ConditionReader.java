package com.asan.audience.criteria;

import static com.asan.audience.criteria.Operator.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Reads one condition: picks the field's operator set, checks the value's shape and builds its {@link Check}. */
final class ConditionReader {

    private static final Set<Operator> CHOICE = OperatorSets.CHOICE;
    private static final Set<Operator> EMPTINESS = OperatorSets.EMPTINESS;
    private static final Set<Operator> TEXT = OperatorSets.TEXT;
    private static final Set<Operator> DATES = OperatorSets.DATES;
    private static final Set<Operator> NUMBER = OperatorSets.NUMBER;
    private static final Set<Operator> TAGS = OperatorSets.TAGS;
    private static final Set<Operator> ENGAGEMENT = OperatorSets.ENGAGEMENT;

    private final Supplier<Map<String, CustomFieldDefinition>> customFields;

    ConditionReader(Supplier<Map<String, CustomFieldDefinition>> customFields) {
        this.customFields = customFields;
    }

    Optional<Condition> read(Map<?, ?> json, String path, List<CriteriaViolation> violations) {
        ConditionValues.Problems problems = new ConditionValues.Problems(path, violations);
        for (Object key : json.keySet()) {
            if (!Set.of("field", "operator", "value").contains(key)) {
                problems.at("." + key, "unknown field");
            }
        }
        if (!(json.get("field") instanceof String field)) {
            problems.at(".field", "must be a field name such as status, tags or custom.city");
            return Optional.empty();
        }
        if (!(json.get("operator") instanceof String operatorName)) {
            problems.at(".operator", "is required");
            return Optional.empty();
        }
        Optional<Operator> parsed = Operator.parse(operatorName);
        if (parsed.isEmpty()) {
            problems.at(".operator", "unknown operator '" + ConditionValues.abbreviate(operatorName) + "'");
            return Optional.empty();
        }
        Operator operator = parsed.get();
        Object value = json.get("value");
        Condition condition = condition(field, operator, value, problems);
        return problems.found || condition == null ? Optional.empty() : Optional.of(condition);
    }

    private Condition condition(String field, Operator operator, Object value, ConditionValues.Problems problems) {
        switch (field) {
            case "status":
                return choice(field, StandardAttribute.STATUS, Vocabulary.STATUSES, CHOICE, operator, value, problems);
            case "source":
                return choice(field, StandardAttribute.SOURCE, Vocabulary.SOURCES, CHOICE, operator, value, problems);
            case "phone_type":
                return choice(field, StandardAttribute.PHONE_TYPE, Vocabulary.PHONE_TYPES, union(CHOICE, EMPTINESS),
                        operator, value, problems);
            case "tags":
                return tags(operator, value, problems);
            case "assigned_to":
                return assignee(operator, value, problems);
            case "created":
                return MeasuredConditions.time(field, StandardAttribute.CREATED, DATES, operator, value, problems);
            case "last_active":
                return MeasuredConditions.time(field, StandardAttribute.LAST_ACTIVE, union(DATES, EMPTINESS), operator, value, problems);
            case "engagement":
                return MeasuredConditions.engagement(operator, value, problems);
            case "first_name":
                return text(field, StandardAttribute.FIRST_NAME, TEXT, null, operator, value, problems);
            case "last_name":
                return text(field, StandardAttribute.LAST_NAME, TEXT, null, operator, value, problems);
            case "email":
                return text(field, StandardAttribute.EMAIL, TEXT, null, operator, value, problems);
            default:
                return custom(field, operator, value, problems);
        }
    }

    private Condition custom(String field, Operator operator, Object value, ConditionValues.Problems problems) {
        if (!field.startsWith("custom.")) {
            problems.at(".field", "unknown field '" + ConditionValues.abbreviate(field) + "'");
            return null;
        }
        CustomFieldDefinition definition = customFields.get().get(field.substring("custom.".length()));
        if (definition == null) {
            problems.at(".field", "no custom field has the key '" + ConditionValues.abbreviate(field.substring(7)) + "'");
            return null;
        }
        CustomAttribute attribute = new CustomAttribute(definition.key(), definition.type());
        return switch (definition.type()) {
            case TEXT -> text(field, attribute, TEXT, null, operator, value, problems);
            case SELECT -> text(field, attribute, union(CHOICE, EMPTINESS), definition.options(), operator, value,
                    problems);
            case NUMBER -> MeasuredConditions.number(field, attribute, operator, value, problems);
            case DATE -> MeasuredConditions.time(field, attribute, union(DATES, EMPTINESS), operator, value, problems);
            case BOOLEAN -> MeasuredConditions.bool(field, attribute, operator, value, problems);
        };
    }

    private Condition choice(String field, StandardAttribute attribute, List<String> allowed, Set<Operator> operators,
                             Operator operator, Object value, ConditionValues.Problems problems) {
        if (!ConditionValues.allowedOperator(operators, operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return ConditionValues.noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        List<String> given = operator == IS || operator == IS_NOT ? ConditionValues.single(value, problems) : ConditionValues.list(value, problems);
        List<String> canonical = given.stream().map(v -> Vocabulary.canonical(allowed, v).orElseGet(() -> {
            problems.at(".value", "'" + ConditionValues.abbreviate(v) + "' is not one of " + String.join(", ", allowed));
            return v;
        })).distinct().toList();
        Object json = operator == IS || operator == IS_NOT ? ConditionValues.first(canonical) : canonical;
        return new Condition(field, operator, json, new Check.ChoiceIn(attribute, Set.copyOf(canonical)));
    }

    private Condition text(String field, Attribute attribute, Set<Operator> operators, List<String> options,
                           Operator operator, Object value, ConditionValues.Problems problems) {
        if (!ConditionValues.allowedOperator(operators, operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return ConditionValues.noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        boolean many = operator == IN || operator == NOT_IN;
        List<String> given = many ? ConditionValues.list(value, problems) : ConditionValues.single(value, problems);
        if (options != null) {
            given = given.stream().map(v -> Vocabulary.canonical(options, v).orElseGet(() -> {
                problems.at(".value", "'" + ConditionValues.abbreviate(v) + "' is not an option of " + field);
                return v;
            })).distinct().toList();
        }
        Set<String> folded = given.stream().map(TextNormalizer::fold).collect(Collectors.toUnmodifiableSet());
        Object json = many ? given : ConditionValues.first(given);
        Check check = switch (operator) {
            case CONTAINS, NOT_CONTAINS -> new Check.TextContains(attribute, TextNormalizer.fold(ConditionValues.first(given)));
            case STARTS_WITH -> new Check.TextStartsWith(attribute, TextNormalizer.fold(ConditionValues.first(given)));
            default -> new Check.TextIn(attribute, folded);
        };
        return new Condition(field, operator, json, check);
    }

    private Condition tags(Operator operator, Object value, ConditionValues.Problems problems) {
        if (!ConditionValues.allowedOperator(TAGS, operator, "tags", problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return ConditionValues.noValue("tags", operator, value, new Check.IsEmpty(StandardAttribute.TAGS), problems);
        }
        List<String> names = ConditionValues.list(value, problems);
        Set<String> folded = names.stream().map(TextNormalizer::fold).collect(Collectors.toUnmodifiableSet());
        Check check = operator == HAS_ALL ? new Check.TagsAll(folded) : new Check.TagsAny(folded);
        return new Condition("tags", operator, names, check);
    }

    private Condition assignee(Operator operator, Object value, ConditionValues.Problems problems) {
        if (!ConditionValues.allowedOperator(union(CHOICE, EMPTINESS), operator, "assigned_to", problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return ConditionValues.noValue("assigned_to", operator, value, new Check.IsEmpty(StandardAttribute.ASSIGNED_TO), problems);
        }
        boolean many = operator == IN || operator == NOT_IN;
        List<?> raw = many ? (value instanceof List<?> l && !l.isEmpty() && l.size() <= 1000 ? l : null)
                : (value == null ? null : List.of(value));
        if (raw == null) {
            problems.at(".value", many ? "must be a non-empty array of team member ids" : "must be a team member id");
            return null;
        }
        List<Long> ids = raw.stream().map(id -> {
            if (id instanceof Integer || id instanceof Long) {
                return ((Number) id).longValue();
            }
            problems.at(".value", "team member ids are whole numbers");
            return 0L;
        }).distinct().toList();
        return new Condition("assigned_to", operator, many ? ids : ids.get(0), new Check.AssigneeIn(Set.copyOf(ids)));
    }

    private static Set<Operator> union(Set<Operator> a, Set<Operator> b) {
        EnumSet<Operator> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
