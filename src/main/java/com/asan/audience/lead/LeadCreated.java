package com.asan.audience.lead;

/** A lead was stored. */
public record LeadCreated(long accountId, long leadId) {
}
