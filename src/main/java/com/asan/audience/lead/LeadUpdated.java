package com.asan.audience.lead;

/** A lead's attributes, tags, custom values or engagement changed. */
public record LeadUpdated(long accountId, long leadId) {
}
