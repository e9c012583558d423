package com.asan.audience.criteria;

import static com.asan.audience.criteria.Operator.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which operators each field accepts: the single source for the parser and the condition builder. */
public final class OperatorSets {

    public static final Set<Operator> CHOICE = EnumSet.of(IS, IS_NOT, IN, NOT_IN);
    public static final Set<Operator> EMPTINESS = EnumSet.of(IS_EMPTY, IS_NOT_EMPTY);
    public static final Set<Operator> CHOICE_OR_EMPTY = EnumSet.of(IS, IS_NOT, IN, NOT_IN, IS_EMPTY, IS_NOT_EMPTY);
    public static final Set<Operator> TEXT = EnumSet.of(IS, IS_NOT, IN, NOT_IN, CONTAINS, NOT_CONTAINS,
            STARTS_WITH, IS_EMPTY, IS_NOT_EMPTY);
    public static final Set<Operator> DATES = EnumSet.of(IN_LAST_DAYS, NOT_IN_LAST_DAYS, BEFORE, AFTER, BETWEEN);
    public static final Set<Operator> DATES_OR_EMPTY = EnumSet.of(IN_LAST_DAYS, NOT_IN_LAST_DAYS, BEFORE, AFTER,
            BETWEEN, IS_EMPTY, IS_NOT_EMPTY);
    public static final Set<Operator> NUMBER = EnumSet.of(IS, IS_NOT, GT, GTE, LT, LTE, BETWEEN, IS_EMPTY,
            IS_NOT_EMPTY);
    public static final Set<Operator> BOOLEAN = EnumSet.of(IS, IS_EMPTY, IS_NOT_EMPTY);
    public static final Set<Operator> TAGS = EnumSet.of(HAS_ANY, HAS_ALL, HAS_NONE, IS_EMPTY, IS_NOT_EMPTY);
    public static final Set<Operator> ENGAGEMENT = EnumSet.of(OPENED, NOT_OPENED, CLICKED, NOT_CLICKED);

    private OperatorSets() {
    }

    static Set<Operator> union(Set<Operator> a, Set<Operator> b) {
        EnumSet<Operator> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    /** The operators of a field, or empty for an unknown field. */
    public static Optional<Set<Operator>> forField(String field, Map<String, CustomFieldDefinition> customFields) {
        switch (field) {
            case "status", "source":
                return Optional.of(CHOICE);
            case "phone_type", "assigned_to":
                return Optional.of(CHOICE_OR_EMPTY);
            case "tags":
                return Optional.of(TAGS);
            case "created":
                return Optional.of(DATES);
            case "last_active":
                return Optional.of(DATES_OR_EMPTY);
            case "engagement":
                return Optional.of(ENGAGEMENT);
            case "first_name", "last_name", "email":
                return Optional.of(TEXT);
            default:
                if (!field.startsWith("custom.")) {
                    return Optional.empty();
                }
                CustomFieldDefinition definition = customFields.get(field.substring("custom.".length()));
                return Optional.ofNullable(definition).map(d -> switch (d.type()) {
                    case TEXT -> TEXT;
                    case SELECT -> CHOICE_OR_EMPTY;
                    case NUMBER -> NUMBER;
                    case DATE -> DATES_OR_EMPTY;
                    case BOOLEAN -> BOOLEAN;
                });
        }
    }
}
