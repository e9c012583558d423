package com.asan.audience.criteria;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What evaluation needs besides the lead: the moment of evaluation (relative dates are computed from it, never
 * cached), the account's time zone, and the account's last sent campaign (null when none was sent).
 */
public record EvaluationContext(Instant now, ZoneId zone, Long lastCampaignId) {

    /** The clock is kept to whole seconds, so every time bound is a whole second (the count index relies on it). */
    public EvaluationContext {
        now = now.truncatedTo(ChronoUnit.SECONDS);
    }
}
