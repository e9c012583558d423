package com.asan.audience.campaign;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.lead.LeadView;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.EmailAddresses;
import com.asan.audience.shared.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a campaign would be before it is sent: a test message, the rendered preview, and the audience it would go to
 * now. Every member may use them; nothing here sends to the segment.
 */
@Service
public class CampaignPreviewFacade {

    private final CampaignSendFacade sending;
    private final AccountFacade accounts;
    private final RecipientResolver resolver;
    private final MessageRenderer renderer;
    private final MailTransport transport;

    CampaignPreviewFacade(CampaignSendFacade sending, AccountFacade accounts, RecipientResolver resolver,
                          MessageRenderer renderer, MailTransport transport) {
        this.sending = sending;
        this.accounts = accounts;
        this.resolver = resolver;
        this.renderer = renderer;
        this.transport = transport;
    }

    /** Sends one test message, rendered for a sample lead, to the given address. */
    public Map<String, Object> sendTest(long accountId, long id, Map<String, Object> body) {
        CampaignView campaign = sending.get(accountId, id);
        if (campaign.historical()) {
            throw new ConflictException("status", "A recorded historical campaign has no content to send");
        }
        String email = body == null ? null : body.get("email") instanceof String s ? s.strip() : null;
        if (!EmailAddresses.isValid(email)) {
            throw new InvalidInputException("email", "is required: the address to send the test to");
        }
        SendStarter.requirePostalAddress(accounts, accountId);
        LeadView sample = new LeadView(0, "Test", "Recipient", email, null, null, "New", "Manual", List.of(), null,
                Map.of(), OffsetDateTime.now(ZoneOffset.UTC), null, "subscribed", OffsetDateTime.now(ZoneOffset.UTC));
        RenderedMessage message = renderer.render(accountId, campaign, sample,
                accounts.settings(accountId).postalAddress(), true);
        MailTransport.Result result = transport.send(List.of(message)).get(0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("email", email);
        answer.put("status", result.outcome() == MailTransport.Outcome.SENT ? "sent" : "failed");
        if (result.detail() != null) {
            answer.put("reason", result.detail());
        }
        answer.put("outbox", transport.outbox());
        return answer;
    }

    /** "Would go to N leads now", with the numbers each rule removes; nothing is stored. */
    @Transactional(readOnly = true)
    public Map<String, Object> audience(long accountId, long id) {
        CampaignView campaign = sending.get(accountId, id);
        if (campaign.historical()) {
            throw new ConflictException("status", "A recorded historical campaign has no recipient segment");
        }
        return audienceOf(accountId, campaign);
    }

    /** The audience of a segment choice not saved yet (the campaign form's live count). */
    @Transactional(readOnly = true)
    public Map<String, Object> audienceFor(long accountId, long segmentId, List<Long> excludeSegmentIds) {
        CampaignView probe = new CampaignView(0, null, "draft", null, null, null, null, null, "", segmentId,
                excludeSegmentIds, null, null, null, null, null);
        return audienceOf(accountId, probe);
    }

    /** True when messages are written to .eml files because no SMTP server is configured. */
    public boolean deliversToOutbox() {
        return transport.outbox();
    }

    /** The email as a recipient would see it, rendered for a sample lead (tracking left out). */
    @Transactional(readOnly = true)
    public String previewHtml(long accountId, long id) {
        CampaignView campaign = sending.get(accountId, id);
        LeadView sample = new LeadView(0, "Alex", "Sample", "alex@example.com", null, null, "New", "Manual",
                List.of(), null, Map.of(), OffsetDateTime.now(ZoneOffset.UTC), null, "subscribed",
                OffsetDateTime.now(ZoneOffset.UTC));
        String address = accounts.settings(accountId).postalAddress();
        return renderer.render(accountId, campaign, sample, address == null ? "(postal address not set)" : address,
                true).html();
    }

    private Map<String, Object> audienceOf(long accountId, CampaignView campaign) {
        long[] totals = new long[2];
        Map<String, Long> skipped = new LinkedHashMap<>();
        resolver.resolve(accountId, campaign, (leadId, email, status, reason) -> {
            totals[0]++;
            if (status.equals("pending")) {
                totals[1]++;
            } else {
                skipped.merge(reason.startsWith("same email") ? "same email address" : reason, 1L, Long::sum);
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("wouldSendTo", totals[1]);
        answer.put("matchingSegment", totals[0]);
        answer.put("excluded", skipped);
        answer.put("computedAtSendTime", true);
        return answer;
    }
}
