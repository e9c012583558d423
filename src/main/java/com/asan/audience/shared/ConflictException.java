package com.asan.audience.shared;

import java.util.Map;

/** The request clashes with stored state (a duplicate name or email, a field still in use): answered as 409. */
public class ConflictException extends RuntimeException {

    private final String path;
    private final transient Map<String, Object> details;

    public ConflictException(String path, String message, Map<String, Object> details) {
        super(message);
        this.path = path;
        this.details = Map.copyOf(details);
    }

    public ConflictException(String path, String message) {
        this(path, message, Map.of());
    }

    public String path() {
        return path;
    }

    public Map<String, Object> details() {
        return details;
    }
}
