package com.asan.audience.lead;

/** A tag of the account and how many leads carry it. */
public record TagUsage(long id, String name, long leads) {
}
