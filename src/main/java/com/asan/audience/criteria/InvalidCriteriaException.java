package com.asan.audience.criteria;

import java.util.List;

/** Criteria that break the language's rules; carries every violation found. */
public class InvalidCriteriaException extends RuntimeException {

    private final transient List<CriteriaViolation> violations;

    public InvalidCriteriaException(List<CriteriaViolation> violations) {
        super(violations.get(0).path() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<CriteriaViolation> violations() {
        return violations;
    }
}
