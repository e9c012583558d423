package com.asan.audience.campaign;

import com.asan.audience.audit.AuditLog;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.lead.EngagementFacade;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.TextLimits;
import com.asan.audience.shared.Timestamps;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns of an account, and the engagement events recorded against them. */
@Service
public class CampaignFacade {

    private final CampaignRepository campaigns;
    private final EngagementFacade engagement;

    private final AuditLog audit;

    CampaignFacade(CampaignRepository campaigns, EngagementFacade engagement, AuditLog audit) {
        this.audit = audit;
        this.campaigns = campaigns;
        this.engagement = engagement;
    }

    public record HistoricalCampaign(String name, String sentAt) {
    }

    /** Records a campaign that was already sent elsewhere, for engagement history. */
    @Transactional
    public CampaignView recordSent(TenantPrincipal caller, HistoricalCampaign request) {
        caller.require(Permission.CAMPAIGNS_SEND);
        long accountId = caller.accountId();
        List<FieldViolation> violations = new ArrayList<>();
        String name = TextLimits.clean(request.name(), "name", violations);
        if (name == null && violations.isEmpty()) {
            violations.add(new FieldViolation("name", "is required"));
        }
        OffsetDateTime sentAt = null;
        try {
            sentAt = request.sentAt() == null ? null
                    : OffsetDateTime.parse(request.sentAt()).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (sentAt == null || !Timestamps.storable(sentAt)) {
            violations.add(new FieldViolation("sentAt", "is required as an ISO-8601 timestamp, " + Timestamps.RANGE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        long id = campaigns.insertSent(accountId, name, sentAt);
        audit.record(caller, "campaign.recorded", id, "Recorded campaign " + name + " sent elsewhere", null,
                Map.of("name", name, "sentAt", sentAt.toString()));
        engagement.campaignSent(accountId, id, sentAt);
        return campaigns.find(accountId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public CampaignView get(long accountId, long id) {
        return campaigns.find(accountId, id).orElseThrow(() -> new NotFoundException("Campaign"));
    }

    @Transactional(readOnly = true)
    public List<CampaignView> list(long accountId) {
        return campaigns.all(accountId);
    }

    @Transactional
    public void delete(TenantPrincipal caller, long id) {
        caller.require(Permission.CAMPAIGNS_SEND);
        long accountId = caller.accountId();
        CampaignView campaign = campaigns.findForUpdate(accountId, id).orElseThrow(() -> new NotFoundException("Campaign"));
        if (campaign.status().equals("sending")) {
            throw new com.asan.audience.shared.ConflictException("status", "Cancel the send before deleting the campaign");
        }
        if (!campaigns.delete(accountId, id)) {
            throw new NotFoundException("Campaign");
        }
        engagement.campaignForgotten(accountId, id);
        audit.record(caller, "campaign.deleted", id, "Deleted campaign " + campaign.name(),
                Map.of("name", campaign.name(), "status", campaign.status()), null);
    }

    public List<EngagementFacade.ItemResult> recordEvents(TenantPrincipal caller, List<?> items) {
        caller.require(Permission.CAMPAIGNS_SEND);
        long accountId = caller.accountId();
        Set<Long> mentioned = new HashSet<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && map.get("campaignId") instanceof Number n) {
                mentioned.add(n.longValue());
            }
        }
        Set<Long> known = mentioned.isEmpty() ? Set.of() : campaigns.existing(accountId, mentioned);
        return engagement.record(accountId, items, known);
    }
}
