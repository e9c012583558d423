package com.asan.audience.criteria;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * What evaluation needs besides the lead: the moment of evaluation (relative dates are computed from it, never
 * cached), the account's time zone, and the account's last sent campaign (null when none was sent). The zone and
 * the last campaign can be looked up on first use, so criteria that need neither cost no lookup.
 */
public final class EvaluationContext {

    private final Instant now;
    private final OnFirstUse<ZoneId> zone;
    private final OnFirstUse<Long> lastCampaignId;

    public EvaluationContext(Instant now, ZoneId zone, Long lastCampaignId) {
        this(now, OnFirstUse.known(zone), OnFirstUse.known(lastCampaignId));
    }

    private EvaluationContext(Instant now, OnFirstUse<ZoneId> zone, OnFirstUse<Long> lastCampaignId) {
        // The clock is kept to whole seconds, so every time bound is a whole second (the count index relies on it).
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.zone = zone;
        this.lastCampaignId = lastCampaignId;
    }

    /** A context whose zone and last campaign are looked up once, when an evaluation first needs them. */
    public static EvaluationContext lookingUpOnUse(Instant now, Supplier<ZoneId> zone, Supplier<Long> lastCampaignId) {
        return new EvaluationContext(now, new OnFirstUse<>(zone), new OnFirstUse<>(lastCampaignId));
    }

    public Instant now() {
        return now;
    }

    public ZoneId zone() {
        return zone.get();
    }

    public Long lastCampaignId() {
        return lastCampaignId.get();
    }

    @Override
    public String toString() {
        return "EvaluationContext[now=" + now + "]";
    }
}
