package com.asan.audience.account;

/** An account's own settings. */
public record AccountSettings(long id, String name, String timeZone, String defaultRegion, String postalAddress) {
}
