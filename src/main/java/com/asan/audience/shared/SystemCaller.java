package com.asan.audience.shared;

/**
 * The application itself acting for one account: background work whose start a member's permission already allowed
 * (an import's rows, a scheduled send) and the seeding of demo data. It holds every permission and is no member
 * ({@link #memberId()} is 0, an id no member has).
 */
public record SystemCaller(long accountId) implements TenantPrincipal {

    @Override
    public long memberId() {
        return 0;
    }

    @Override
    public boolean has(Permission permission) {
        return true;
    }

    @Override
    public String label() {
        return "system";
    }
}
