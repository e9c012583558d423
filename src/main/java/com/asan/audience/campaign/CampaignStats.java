package com.asan.audience.campaign;

import com.asan.audience.lead.EngagementFacade;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A campaign's numbers: recipient outcomes from its list, unique engagement from the leads' history. */
@Component
class CampaignStats {

    private final RecipientRepository recipients;
    private final EngagementFacade engagement;

    CampaignStats(RecipientRepository recipients, EngagementFacade engagement) {
        this.recipients = recipients;
        this.engagement = engagement;
    }

    CampaignView.Stats of(long accountId, long campaignId) {
        Map<RecipientRepository.Status, Long> counts = recipients.counts(accountId, campaignId);
        Map<String, Long> unique = engagement.uniqueLeadsByType(accountId, campaignId);
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        return new CampaignView.Stats(all,
                counts.get(RecipientRepository.Status.PENDING) + counts.get(RecipientRepository.Status.SENDING)
                        + counts.get(RecipientRepository.Status.ATTEMPTING),
                counts.get(RecipientRepository.Status.SENT), counts.get(RecipientRepository.Status.FAILED),
                counts.get(RecipientRepository.Status.SKIPPED), counts.get(RecipientRepository.Status.INTERRUPTED),
                unique.getOrDefault("opened", 0L),
                unique.getOrDefault("clicked", 0L), unique.getOrDefault("unsubscribed", 0L),
                unique.getOrDefault("bounced", 0L));
    }
}
