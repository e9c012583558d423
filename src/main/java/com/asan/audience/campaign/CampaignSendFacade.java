package com.asan.audience.campaign;

import com.asan.audience.audit.AuditLog;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.account.AccountFacade;
import com.asan.audience.lead.LeadView;
import com.asan.audience.segment.SegmentFacade;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.EmailAddresses;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.Timestamps;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email campaigns to a saved segment: drafts, sending now or later, cancelling, resending to interrupted recipients,
 * and the recipients. Tests, previews and the audience are {@link CampaignPreviewFacade}.
 */
@Service
public class CampaignSendFacade {

    private static final Set<String> RECIPIENT_STATUSES = Set.of("pending", "sending", "attempting", "sent", "failed",
            "skipped", "interrupted");

    private final CampaignRepository campaigns;
    private final RecipientRepository recipients;
    private final SegmentFacade segments;
    private final AccountFacade accounts;
    private final SendStarter starter;
    private final CampaignWorkers workers;
    private final CampaignStats stats;

    private final AuditLog audit;

    CampaignSendFacade(CampaignRepository campaigns, RecipientRepository recipients, SegmentFacade segments,
                       AccountFacade accounts, SendStarter starter, CampaignWorkers workers,
                       CampaignStats stats, AuditLog audit) {
        this.audit = audit;
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.segments = segments;
        this.accounts = accounts;
        this.starter = starter;
        this.workers = workers;
        this.stats = stats;
    }

    @Transactional
    public CampaignView createDraft(TenantPrincipal caller, Map<String, Object> json) {
        long accountId = caller.accountId();
        CampaignContent content = CampaignContentReader.read(json, segmentId -> exists(accountId, segmentId));
        long id = campaigns.insertDraft(accountId, content);
        audit.record(caller, "campaign.created", id, "Created campaign " + content.name(), null,
                Map.of("name", content.name()));
        return get(accountId, id);
    }

    @Transactional
    public CampaignView replace(TenantPrincipal caller, long id, Map<String, Object> json) {
        long accountId = caller.accountId();
        CampaignView current = campaigns.findForUpdate(accountId, id).orElseThrow(() -> new NotFoundException("Campaign"));
        if (current.historical()) {
            throw new ConflictException("status", "A recorded historical campaign has no content to change");
        }
        CampaignContent content = CampaignContentReader.read(json, segmentId -> exists(accountId, segmentId));
        if (!campaigns.updateContent(accountId, id, content)) {
            throw new ConflictException("status", "Only draft or scheduled campaigns can change (status "
                    + current.status() + ")");
        }
        audit.record(caller, "campaign.changed", id, "Changed campaign " + content.name(),
                Map.of("name", current.name(), "subject", String.valueOf(current.subject())),
                Map.of("name", content.name(), "subject", String.valueOf(content.subject())));
        return get(accountId, id);
    }

    @Transactional(readOnly = true)
    public CampaignView get(long accountId, long id) {
        CampaignView view = campaigns.find(accountId, id).orElseThrow(() -> new NotFoundException("Campaign"));
        return view.historical() ? view : view.withStats(stats.of(accountId, id));
    }

    /** Computes the recipients from the segment now and starts delivering in the background. */
    @Transactional
    public CampaignView sendNow(TenantPrincipal caller, long id) {
        caller.require(Permission.CAMPAIGNS_SEND);
        long accountId = caller.accountId();
        CampaignView campaign = sendable(accountId, id);
        starter.start(accountId, campaign, workers.owner(), workers.lease());
        workers.deliverAfterCommit(accountId, id);
        audit.record(caller, "campaign.sent", id, "Started sending campaign " + campaign.name());
        return get(accountId, id);
    }

    @Transactional
    public CampaignView schedule(TenantPrincipal caller, long id, Map<String, Object> body) {
        caller.require(Permission.CAMPAIGNS_SEND);
        long accountId = caller.accountId();
        CampaignView campaign = sendable(accountId, id);
        SendStarter.requirePostalAddress(accounts, accountId);
        OffsetDateTime sendAt = null;
        if (body != null && body.get("sendAt") instanceof String text) {
            try {
                sendAt = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (sendAt == null || !Timestamps.storable(sendAt)) {
            throw new InvalidInputException("sendAt", "is required as an ISO-8601 timestamp such as 2026-12-01T09:00:00Z");
        }
        if (sendAt.isBefore(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))) {
            throw new InvalidInputException("sendAt", "is in the past; use /send to send now");
        }
        campaigns.schedule(accountId, campaign.id(), sendAt);
        audit.record(caller, "campaign.scheduled", id, "Scheduled campaign " + campaign.name(), null,
                Map.of("sendAt", sendAt.toString()));
        return get(accountId, id);
    }

    /**
     * Sends once more to the recipients a crash left in doubt: some of them may receive it twice. Returns the
     * campaign, sending again; a 409 when it has none or is not sent.
     */
    @Transactional
    public CampaignView resendInterrupted(TenantPrincipal caller, long id) {
        caller.require(Permission.CAMPAIGNS_SEND);
        long accountId = caller.accountId();
        CampaignView campaign = campaigns.findForUpdate(accountId, id).orElseThrow(() -> new NotFoundException("Campaign"));
        if (!campaign.status().equals("sent")) {
            throw new ConflictException("status", "Only a sent campaign's interrupted recipients can be sent again"
                    + " (status " + campaign.status() + ")");
        }
        if (recipients.requeueInterrupted(accountId, id) == 0) {
            throw new ConflictException("status", "No recipient of this campaign was interrupted");
        }
        campaigns.resumeSending(accountId, id, workers.owner(), workers.lease());
        workers.expectDelivery(id);
        workers.deliverAfterCommit(accountId, id);
        audit.record(caller, "campaign.resent", id, "Sent campaign " + campaign.name()
                + " again to its interrupted recipients");
        return get(accountId, id);
    }

    /** Cancels a draft or scheduled campaign, or stops a send: recipients not yet reached are skipped. */
    @Transactional
    public CampaignView cancel(TenantPrincipal caller, long id) {
        caller.require(Permission.CAMPAIGNS_SEND);
        long accountId = caller.accountId();
        CampaignView campaign = campaigns.findForUpdate(accountId, id).orElseThrow(() -> new NotFoundException("Campaign"));
        if (!Set.of("draft", "scheduled", "sending").contains(campaign.status())) {
            throw new ConflictException("status", "A " + campaign.status() + " campaign cannot be cancelled");
        }
        campaigns.setStatus(accountId, id, "cancelled");
        recipients.skipPending(accountId, id, "campaign cancelled");
        audit.record(caller, "campaign.cancelled", id, "Cancelled campaign " + campaign.name(),
                Map.of("status", campaign.status()), Map.of("status", "cancelled"));
        return get(accountId, id);
    }

    @Transactional(readOnly = true)
    public PageResult<RecipientView> recipients(long accountId, long id, String status, PageRequest page) {
        get(accountId, id);
        if (status != null && !RECIPIENT_STATUSES.contains(status)) {
            throw new InvalidInputException("status",
                    "must be pending, sending, attempting, sent, failed, skipped or interrupted");
        }
        return new PageResult<>(recipients.page(accountId, id, status, page.offset(), page.size()),
                recipients.total(accountId, id, status), page.page(), page.size());
    }

    /** Waits until this instance finishes delivering the campaign (tests, benchmarks). */
    public CampaignView awaitSent(long accountId, long id, Duration timeout) {
        var completion = workers.completion(id);
        if (get(accountId, id).status().equals("sending")) {
            try {
                completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // answer the current state
            }
        }
        return get(accountId, id);
    }

    /** Waits until a scheduled campaign has started and then been delivered by this instance. */
    public CampaignView awaitScheduled(long accountId, long id, Duration timeout) {
        try {
            workers.completion(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // answer the current state
        }
        return get(accountId, id);
    }

    private CampaignView sendable(long accountId, long id) {
        CampaignView campaign = campaigns.findForUpdate(accountId, id).orElseThrow(() -> new NotFoundException("Campaign"));
        if (campaign.historical()) {
            throw new ConflictException("status", "A recorded historical campaign cannot be sent");
        }
        if (!campaign.status().equals("draft") && !campaign.status().equals("scheduled")) {
            throw new ConflictException("status", "Only a draft or scheduled campaign can be sent (status "
                    + campaign.status() + ")");
        }
        if (campaign.html() != null && campaign.html().contains(PLACEHOLDER_PARAGRAPH)) {
            throw new ConflictException("html", "The email still holds the placeholder paragraph \u201c\u2026\u201d: "
                    + "write its content before sending");
        }
        return campaign;
    }

    /** The paragraph a new campaign's body starts with, to be replaced before it may be sent. */
    public static final String PLACEHOLDER_PARAGRAPH = "<p>\u2026</p>";

    /** The body a new campaign starts with in the campaign form. */
    public static final String STARTER_HTML = "<p>Hi {{first_name|there}},</p>\n" + PLACEHOLDER_PARAGRAPH;

    private boolean exists(long accountId, long segmentId) {
        try {
            segments.definition(accountId, segmentId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
