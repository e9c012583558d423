package com.asan.audience.shared;

/** What any module may know about the signed-in caller: the account whose data it may see, and what it may do. */
public interface TenantPrincipal {

    long accountId();

    long memberId();

    boolean has(Permission permission);

    /** Who this is in an audit trail: a member's email, or "system" for the application itself. */
    String label();

    /** Refuses with 403 naming the permission when the caller lacks it. */
    default void require(Permission permission) {
        if (!has(permission)) {
            throw new ForbiddenException(permission);
        }
    }

    /** Refuses unless the caller made the thing ({@code ownerMemberId}) or holds the permission for anyone's. */
    default void requireOwnOr(Long ownerMemberId, Permission anyones) {
        if ((ownerMemberId == null || ownerMemberId != memberId()) && !has(anyones)) {
            throw new ForbiddenException(anyones);
        }
    }
}
