package com.asan.audience.shared;

import java.util.List;

/** Input that breaks a rule of the API: answered as 400 with every violation listed. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.isEmpty() ? "Invalid input" : violations.get(0).path() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String path, String message) {
        this(List.of(new FieldViolation(path, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
