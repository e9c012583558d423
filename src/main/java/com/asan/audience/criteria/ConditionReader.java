package com.asan.audience.criteria;

import static com.asan.audience.criteria.Operator.*;

import com.asan.audience.criteria.Check.TimeWindow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private static final int MAX_DAYS = 36_500;

    private final Map<String, CustomFieldDefinition> customFields;

    ConditionReader(Map<String, CustomFieldDefinition> customFields) {
        this.customFields = customFields;
    }

    /** Holds the violations of one condition while it is read. */
    private static final class Problems {
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

    Optional<Condition> read(Map<?, ?> json, String path, List<CriteriaViolation> violations) {
        Problems problems = new Problems(path, violations);
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
            problems.at(".operator", "unknown operator '" + abbreviate(operatorName) + "'");
            return Optional.empty();
        }
        Operator operator = parsed.get();
        Object value = json.get("value");
        Condition condition = condition(field, operator, value, problems);
        return problems.found || condition == null ? Optional.empty() : Optional.of(condition);
    }

    private Condition condition(String field, Operator operator, Object value, Problems problems) {
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
                return time(field, StandardAttribute.CREATED, DATES, operator, value, problems);
            case "last_active":
                return time(field, StandardAttribute.LAST_ACTIVE, union(DATES, EMPTINESS), operator, value, problems);
            case "engagement":
                return engagement(operator, value, problems);
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

    private Condition custom(String field, Operator operator, Object value, Problems problems) {
        if (!field.startsWith("custom.")) {
            problems.at(".field", "unknown field '" + abbreviate(field) + "'");
            return null;
        }
        CustomFieldDefinition definition = customFields.get(field.substring("custom.".length()));
        if (definition == null) {
            problems.at(".field", "no custom field has the key '" + abbreviate(field.substring(7)) + "'");
            return null;
        }
        CustomAttribute attribute = new CustomAttribute(definition.key(), definition.type());
        return switch (definition.type()) {
            case TEXT -> text(field, attribute, TEXT, null, operator, value, problems);
            case SELECT -> text(field, attribute, union(CHOICE, EMPTINESS), definition.options(), operator, value,
                    problems);
            case NUMBER -> number(field, attribute, operator, value, problems);
            case DATE -> time(field, attribute, union(DATES, EMPTINESS), operator, value, problems);
            case BOOLEAN -> bool(field, attribute, operator, value, problems);
        };
    }

    private Condition choice(String field, StandardAttribute attribute, List<String> allowed, Set<Operator> operators,
                             Operator operator, Object value, Problems problems) {
        if (!allowedOperator(operators, operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        List<String> given = operator == IS || operator == IS_NOT ? single(value, problems) : list(value, problems);
        List<String> canonical = given.stream().map(v -> Vocabulary.canonical(allowed, v).orElseGet(() -> {
            problems.at(".value", "'" + abbreviate(v) + "' is not one of " + String.join(", ", allowed));
            return v;
        })).distinct().toList();
        Object json = operator == IS || operator == IS_NOT ? first(canonical) : canonical;
        return new Condition(field, operator, json, new Check.ChoiceIn(attribute, Set.copyOf(canonical)));
    }

    private Condition text(String field, Attribute attribute, Set<Operator> operators, List<String> options,
                           Operator operator, Object value, Problems problems) {
        if (!allowedOperator(operators, operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        boolean many = operator == IN || operator == NOT_IN;
        List<String> given = many ? list(value, problems) : single(value, problems);
        if (options != null) {
            given = given.stream().map(v -> Vocabulary.canonical(options, v).orElseGet(() -> {
                problems.at(".value", "'" + abbreviate(v) + "' is not an option of " + field);
                return v;
            })).distinct().toList();
        }
        Set<String> folded = given.stream().map(TextNormalizer::fold).collect(Collectors.toUnmodifiableSet());
        Object json = many ? given : first(given);
        Check check = switch (operator) {
            case CONTAINS, NOT_CONTAINS -> new Check.TextContains(attribute, TextNormalizer.fold(first(given)));
            case STARTS_WITH -> new Check.TextStartsWith(attribute, TextNormalizer.fold(first(given)));
            default -> new Check.TextIn(attribute, folded);
        };
        return new Condition(field, operator, json, check);
    }

    private Condition tags(Operator operator, Object value, Problems problems) {
        if (!allowedOperator(TAGS, operator, "tags", problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return noValue("tags", operator, value, new Check.IsEmpty(StandardAttribute.TAGS), problems);
        }
        List<String> names = list(value, problems);
        Set<String> folded = names.stream().map(TextNormalizer::fold).collect(Collectors.toUnmodifiableSet());
        Check check = operator == HAS_ALL ? new Check.TagsAll(folded) : new Check.TagsAny(folded);
        return new Condition("tags", operator, names, check);
    }

    private Condition assignee(Operator operator, Object value, Problems problems) {
        if (!allowedOperator(union(CHOICE, EMPTINESS), operator, "assigned_to", problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return noValue("assigned_to", operator, value, new Check.IsEmpty(StandardAttribute.ASSIGNED_TO), problems);
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

    private Condition time(String field, Attribute attribute, Set<Operator> operators, Operator operator, Object value,
                           Problems problems) {
        if (!allowedOperator(operators, operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        switch (operator) {
            case IN_LAST_DAYS, NOT_IN_LAST_DAYS -> {
                Integer days = days(value, ".value", problems);
                return days == null ? null
                        : new Condition(field, operator, days, new Check.TimeIn(attribute, new TimeWindow.LastDays(days)));
            }
            case BEFORE, AFTER -> {
                LocalDate date = date(value, ".value", problems);
                if (date == null) {
                    return null;
                }
                TimeWindow window = operator == BEFORE ? new TimeWindow.Before(date) : new TimeWindow.After(date);
                return new Condition(field, operator, date.toString(), new Check.TimeIn(attribute, window));
            }
            default -> {
                if (!(value instanceof List<?> pair) || pair.size() != 2) {
                    problems.at(".value", "must be [from, to] as ISO dates");
                    return null;
                }
                LocalDate from = date(pair.get(0), ".value[0]", problems);
                LocalDate to = date(pair.get(1), ".value[1]", problems);
                if (from == null || to == null) {
                    return null;
                }
                if (from.isAfter(to)) {
                    problems.at(".value", "from must not be after to");
                    return null;
                }
                return new Condition(field, operator, List.of(from.toString(), to.toString()),
                        new Check.TimeIn(attribute, new TimeWindow.Between(from, to)));
            }
        }
    }

    private Condition number(String field, CustomAttribute attribute, Operator operator, Object value,
                             Problems problems) {
        if (!allowedOperator(NUMBER, operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        if (operator == BETWEEN) {
            if (!(value instanceof List<?> pair) || pair.size() != 2) {
                problems.at(".value", "must be [low, high] numbers");
                return null;
            }
            BigDecimal low = decimal(pair.get(0), ".value[0]", problems);
            BigDecimal high = decimal(pair.get(1), ".value[1]", problems);
            if (low == null || high == null) {
                return null;
            }
            if (low.compareTo(high) > 0) {
                problems.at(".value", "low must not exceed high");
                return null;
            }
            return new Condition(field, operator, List.of(low, high), new Check.NumberBetween(attribute, low, high));
        }
        BigDecimal operand = decimal(value, ".value", problems);
        if (operand == null) {
            return null;
        }
        Check.Comparison comparison = switch (operator) {
            case GT -> Check.Comparison.GT;
            case GTE -> Check.Comparison.GTE;
            case LT -> Check.Comparison.LT;
            case LTE -> Check.Comparison.LTE;
            default -> Check.Comparison.EQ;
        };
        return new Condition(field, operator, operand, new Check.NumberCompare(attribute, comparison, operand));
    }

    private Condition bool(String field, CustomAttribute attribute, Operator operator, Object value,
                           Problems problems) {
        if (!allowedOperator(union(EnumSet.of(IS), EMPTINESS), operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        if (!(value instanceof Boolean b)) {
            problems.at(".value", "must be true or false");
            return null;
        }
        return new Condition(field, operator, b, new Check.BooleanIs(attribute, b));
    }

    private Condition engagement(Operator operator, Object value, Problems problems) {
        if (!allowedOperator(ENGAGEMENT, operator, "engagement", problems)) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.at(".value", "must be {\"campaign\": \"last\" | \"any\" | <campaign id>, \"within_days\": N?}");
            return null;
        }
        for (Object key : map.keySet()) {
            if (!"campaign".equals(key) && !"within_days".equals(key)) {
                problems.at(".value." + key, "unknown field");
            }
        }
        Object campaign = map.get("campaign");
        Check.CampaignRef ref;
        if ("last".equals(campaign)) {
            ref = Check.CampaignRef.last();
        } else if ("any".equals(campaign)) {
            ref = Check.CampaignRef.any();
        } else if ((campaign instanceof Integer || campaign instanceof Long) && ((Number) campaign).longValue() > 0) {
            ref = Check.CampaignRef.of(((Number) campaign).longValue());
        } else {
            problems.at(".value.campaign", "must be \"last\", \"any\" or a campaign id");
            return null;
        }
        Integer within = map.get("within_days") == null ? null : days(map.get("within_days"), ".value.within_days",
                problems);
        if (problems.found) {
            return null;
        }
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("campaign", campaign instanceof Number n ? n.longValue() : campaign);
        if (within != null) {
            json.put("within_days", within);
        }
        Check.Engagement kind = operator == OPENED || operator == NOT_OPENED ? Check.Engagement.OPENED
                : Check.Engagement.CLICKED;
        return new Condition("engagement", operator, json, new Check.Engaged(kind, ref, within));
    }

    private static Condition noValue(String field, Operator operator, Object value, Check check, Problems problems) {
        if (value != null) {
            problems.at(".value", "must be left out for " + operator.wire());
            return null;
        }
        return new Condition(field, operator, null, check);
    }

    private static boolean allowedOperator(Set<Operator> operators, Operator operator, String field,
                                           Problems problems) {
        if (!operators.contains(operator)) {
            problems.at(".operator", "'" + operator.wire() + "' does not apply to " + field + "; use one of "
                    + operators.stream().map(Operator::wire).collect(Collectors.joining(", ")));
            return false;
        }
        return true;
    }

    private static List<String> single(Object value, Problems problems) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > 1000) {
            problems.at(".value", value == null ? "is required" : "must be a non-blank string of at most 1000 characters");
            return List.of("");
        }
        return List.of(s.strip());
    }

    private static List<String> list(Object value, Problems problems) {
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
            return s.strip();
        }).distinct().toList();
    }

    private static Integer days(Object value, String suffix, Problems problems) {
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 1
                && ((Number) value).longValue() <= MAX_DAYS) {
            return ((Number) value).intValue();
        }
        problems.at(suffix, "must be a whole number of days from 1 to " + MAX_DAYS);
        return null;
    }

    private static LocalDate date(Object value, String suffix, Problems problems) {
        if (value instanceof String s) {
            try {
                return LocalDate.parse(s.strip());
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        problems.at(suffix, "must be an ISO date such as 2026-05-31");
        return null;
    }

    private static BigDecimal decimal(Object value, String suffix, Problems problems) {
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

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    private static Set<Operator> union(Set<Operator> a, Set<Operator> b) {
        EnumSet<Operator> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
