package com.asan.audience.account;

/** A user of an account, as the API shows it. */
public record TeamMember(long id, String name, String email, String role) {
}
