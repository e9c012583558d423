package com.asan.audience.account;

/** A new account exists, with its owner. */
public record AccountCreated(long accountId, long ownerId) {
}
