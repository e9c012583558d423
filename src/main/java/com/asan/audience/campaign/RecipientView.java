package com.asan.audience.campaign;

import java.time.OffsetDateTime;

/** One recipient of a campaign: pending, sent, failed or skipped, with the reason for the last two. */
public record RecipientView(long leadId, String email, String status, String reason, OffsetDateTime sentAt) {
}
