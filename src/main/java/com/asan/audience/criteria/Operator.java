package com.asan.audience.criteria;

import java.util.Arrays;
import java.util.Optional;

/** Every operator of the criteria language, by its JSON name. Negative operators complement a positive one. */
public enum Operator {
    IS("is", false), IS_NOT("is_not", true), IN("in", false), NOT_IN("not_in", true),
    HAS_ANY("has_any", false), HAS_ALL("has_all", false), HAS_NONE("has_none", true),
    IS_EMPTY("is_empty", false), IS_NOT_EMPTY("is_not_empty", true),
    IN_LAST_DAYS("in_last_days", false), NOT_IN_LAST_DAYS("not_in_last_days", true),
    BEFORE("before", false), AFTER("after", false), BETWEEN("between", false),
    OPENED("opened", false), NOT_OPENED("not_opened", true), CLICKED("clicked", false),
    NOT_CLICKED("not_clicked", true),
    CONTAINS("contains", false), NOT_CONTAINS("not_contains", true), STARTS_WITH("starts_with", false),
    GT("gt", false), GTE("gte", false), LT("lt", false), LTE("lte", false);

    private final String wire;
    private final boolean negative;

    Operator(String wire, boolean negative) {
        this.wire = wire;
        this.negative = negative;
    }

    public String wire() {
        return wire;
    }

    public boolean negative() {
        return negative;
    }

    public static Optional<Operator> parse(String wire) {
        return Arrays.stream(values()).filter(op -> op.wire.equals(wire)).findFirst();
    }
}
