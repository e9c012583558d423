package com.asan.audience.lead;

/** A lead was deleted. */
public record LeadDeleted(long accountId, long leadId) {
}
