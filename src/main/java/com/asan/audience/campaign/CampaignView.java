package com.asan.audience.campaign;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign as the API shows it. Historical campaigns (recorded with a name and send time) have no content;
 * {@code stats} is null for them.
 */
public record CampaignView(long id, String name, String status, String subject, String preheader, String fromName,
                           String fromEmail, String replyTo, String html, Long segmentId, List<Long> excludeSegmentIds,
                           OffsetDateTime sendAt, OffsetDateTime sentAt, OffsetDateTime createdAt, String failure,
                           Stats stats) {

    /** Recipient outcomes and unique engagement. */
    /** {@code interrupted}: recipients whose delivery a crash left in doubt (they may have the message). */
    public record Stats(long recipients, long pending, long sent, long failed, long skipped, long interrupted,
                        long uniqueOpens, long uniqueClicks, long unsubscribes, long bounces) {
    }

    CampaignView withStats(Stats newStats) {
        return new CampaignView(id, name, status, subject, preheader, fromName, fromEmail, replyTo, html, segmentId,
                excludeSegmentIds, sendAt, sentAt, createdAt, failure, newStats);
    }

    boolean historical() {
        return html == null;
    }
}
