package com.asan.audience.account;

import com.asan.audience.shared.EmailAddresses;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TextLimits;
import java.util.List;

/** How the account facade reads its inputs: each problem is added to the list under the field's path. */
final class AccountInputs {

    private AccountInputs() {
    }

    static Role validRole(String value, List<FieldViolation> violations) {
        if (value == null) {
            violations.add(new FieldViolation("role", "is required: owner, admin or agent"));
            return Role.AGENT;
        }
        return Role.parse(value.strip()).orElseGet(() -> {
            violations.add(new FieldViolation("role", "must be owner, admin or agent"));
            return Role.AGENT;
        });
    }

    static String required(String value, String path, List<FieldViolation> violations) {
        String cleaned = TextLimits.clean(value, path, violations);
        if (cleaned == null && violations.stream().noneMatch(v -> v.path().equals(path))) {
            violations.add(new FieldViolation(path, "is required"));
        }
        return cleaned;
    }

    static String validEmail(String value, String path, List<FieldViolation> violations) {
        String email = required(value, path, violations);
        if (email != null && !EmailAddresses.isValid(email)) {
            violations.add(new FieldViolation(path, "is not a valid email address"));
        }
        return email;
    }

    static void checkPassword(String password, String path, boolean required, String email,
                                      String accountName, List<FieldViolation> violations) {
        if (password == null) {
            if (required) {
                violations.add(new FieldViolation(path, "is required"));
            }
        } else {
            PasswordPolicy.problem(password, email, accountName)
                    .ifPresent(problem -> violations.add(new FieldViolation(path, problem)));
        }
    }

    static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
