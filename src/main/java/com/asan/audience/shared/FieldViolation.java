package com.asan.audience.shared;

/** One reason why input was refused, with the JSON path of the offending value (e.g. {@code customFields.budget}). */
public record FieldViolation(String path, String message) {
}
