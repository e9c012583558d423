package com.asan.audience.shared;

/** The caller is known but may not do this (a missing permission, sign-up switched off, a foreign form origin). */
public class ForbiddenException extends RuntimeException {

    private final transient Permission permission;

    public ForbiddenException(String message) {
        super(message);
        this.permission = null;
    }

    public ForbiddenException(Permission permission) {
        super("Your role does not have the permission " + permission.wire());
        this.permission = permission;
    }

    /** The permission the caller lacks, or null when the refusal is not about a role. */
    public Permission permission() {
        return permission;
    }
}
