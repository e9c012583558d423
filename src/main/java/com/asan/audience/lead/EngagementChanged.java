package com.asan.audience.lead;

/** A campaign was recorded as sent or forgotten, which can change what "the last campaign" means. */
public record EngagementChanged(long accountId) {
}
