package com.asan.audience.criteria;

/** Why criteria were refused, at which JSON path (for example {@code criteria.conditions[2].value}). */
public record CriteriaViolation(String path, String message) {
}
