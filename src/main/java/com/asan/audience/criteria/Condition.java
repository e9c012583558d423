package com.asan.audience.criteria;

/**
 * One condition as the user wrote it ({@code field}, {@code operator}, normalised JSON {@code value}) together with
 * its meaning: a positive {@link Check}, negated for the negative operators. Evaluators only ever implement the
 * positive tests, so a negative operator is the exact complement of its positive one by construction.
 */
public record Condition(String field, Operator operator, Object value, Check check) implements Criterion {

    public boolean negated() {
        return operator.negative();
    }
}
