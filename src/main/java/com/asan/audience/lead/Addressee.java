package com.asan.audience.lead;

/**
 * A lead matched for a mailing: its address and email status, and the first exclusion criteria it also meets
 * (index into the exclusions given, or -1).
 */
public record Addressee(long leadId, String email, String emailStatus, int excludedBy) {
}
