package com.asan.audience.shared;

/** A rate limit was hit; the caller may try again later. */
public class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException(String message) {
        super(message);
    }
}
