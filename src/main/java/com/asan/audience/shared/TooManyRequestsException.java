package com.asan.audience.shared;

import java.time.Duration;

/** A rate limit was hit; the caller may try again after {@link #retryAfter()} (sent as {@code Retry-After}). */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message) {
        this(message, Duration.ofMinutes(1));
    }

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
