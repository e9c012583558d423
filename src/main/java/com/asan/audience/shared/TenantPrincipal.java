package com.asan.audience.shared;

/** What any module may know about the signed-in caller: the account whose data it may see. */
public interface TenantPrincipal {

    long accountId();

    long memberId();
}
