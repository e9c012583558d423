package com.asan.audience.shared;

/** The caller is known but may not do this (an agent managing the team, sign-up switched off). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
