package com.asan.audience.shared;

/** The resource does not exist for the caller's account (whether it exists elsewhere is never revealed). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
