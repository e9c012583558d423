package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;

import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.Timestamps;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The email engagement history of leads: which campaigns went out, and sent/opened/clicked/... events. */
@Service
public class EngagementFacade {

    public static final Set<String> EVENT_TYPES = Set.of("sent", "delivered", "opened", "clicked", "bounced",
            "unsubscribed");
    public static final int MAX_EVENTS = 1000;

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final LeadChangeFeed changes;

    EngagementFacade(DSLContext db, TransactionTemplate transactions,
                     LeadChangeFeed changes) {
        this.db = db;
        this.changes = changes;
        this.transactions = transactions;
    }

    /** Records that a campaign was sent; the latest one becomes "the last campaign" of engagement conditions. */
    public void campaignSent(long accountId, long campaignId, OffsetDateTime sentAt) {
        db.insertInto(ENGAGEMENT_CAMPAIGNS).set(EC_ACCOUNT_ID, accountId).set(EC_CAMPAIGN_ID, campaignId)
                .set(EC_SENT_AT, sentAt).onConflict(DSL.field(DSL.name("account_id")), DSL.field(DSL.name("campaign_id")))
                .doUpdate().set(DSL.field(DSL.name("sent_at"), OffsetDateTime.class), sentAt).execute();
        changes.contextChanged(accountId);
    }

    /** Distinct leads per event type for one campaign: unique opens, clicks, unsubscribes and bounces. */
    public Map<String, Long> uniqueLeadsByType(long accountId, long campaignId) {
        Map<String, Long> counts = new java.util.HashMap<>();
        db.select(EV_TYPE, DSL.countDistinct(EV_LEAD_ID)).from(EMAIL_EVENTS)
                .where(EV_ACCOUNT_ID.eq(accountId), EV_CAMPAIGN_ID.eq(campaignId)).groupBy(EV_TYPE)
                .forEach(r -> counts.put(r.get(EV_TYPE), r.get(1, Long.class)));
        return counts;
    }

    public void campaignForgotten(long accountId, long campaignId) {
        db.deleteFrom(ENGAGEMENT_CAMPAIGNS).where(EC_ACCOUNT_ID.eq(accountId), EC_CAMPAIGN_ID.eq(campaignId)).execute();
        changes.contextChanged(accountId);
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, Long id, List<FieldViolation> errors) {
    }

    /**
     * Stores each valid event in its own transaction and reports bad ones by index. Opens and clicks move the
     * lead's last-active time forward; bounces and unsubscribes set its email status.
     */
    public List<ItemResult> record(long accountId, List<?> items, Set<Long> knownCampaignIds) {
        if (items.size() > MAX_EVENTS) {
            throw new InvalidInputException("events", "at most " + MAX_EVENTS + " events per request");
        }
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            List<FieldViolation> violations = new ArrayList<>();
            EventDraft draft = read(items.get(i), knownCampaignIds, violations);
            if (draft != null && violations.isEmpty()) {
                Long id = transactions.execute(status -> store(accountId, draft, violations));
                results.add(violations.isEmpty() ? new ItemResult(index, id, null)
                        : new ItemResult(index, null, violations));
            } else {
                results.add(new ItemResult(index, null, violations));
            }
        }
        return results;
    }

    private record EventDraft(long leadId, long campaignId, String type, OffsetDateTime occurredAt, String url) {
    }

    private static EventDraft read(Object item, Set<Long> campaigns, List<FieldViolation> violations) {
        if (!(item instanceof Map<?, ?> map)) {
            violations.add(new FieldViolation("", "must be an event object"));
            return null;
        }
        for (Object key : map.keySet()) {
            if (!Set.of("leadId", "campaignId", "type", "occurredAt", "url").contains(key)) {
                violations.add(new FieldViolation(String.valueOf(key), "unknown field"));
            }
        }
        Long leadId = id(map.get("leadId"), "leadId", violations);
        Long campaignId = id(map.get("campaignId"), "campaignId", violations);
        if (campaignId != null && !campaigns.contains(campaignId)) {
            violations.add(new FieldViolation("campaignId", "no campaign of this account has this id"));
        }
        Object type = map.get("type");
        if (!(type instanceof String t) || !EVENT_TYPES.contains(t)) {
            violations.add(new FieldViolation("type", "must be one of sent, delivered, opened, clicked, bounced, unsubscribed"));
        }
        OffsetDateTime occurredAt = null;
        if (map.get("occurredAt") instanceof String s) {
            try {
                occurredAt = OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (occurredAt == null || !Timestamps.storable(occurredAt)) {
            violations.add(new FieldViolation("occurredAt", "must be an ISO-8601 timestamp, " + Timestamps.RANGE));
        }
        Object url = map.get("url");
        if (url != null && (!(url instanceof String u) || u.length() > 2000)) {
            violations.add(new FieldViolation("url", "must be a string of at most 2000 characters"));
        }
        if (!violations.isEmpty()) {
            return null;
        }
        return new EventDraft(leadId, campaignId, (String) type, occurredAt, (String) url);
    }

    private Long store(long accountId, EventDraft draft, List<FieldViolation> violations) {
        boolean leadExists = db.fetchExists(db.selectOne().from(LEADS)
                .where(ACCOUNT_ID.eq(accountId), ID.eq(draft.leadId())).forUpdate());
        if (!leadExists) {
            violations.add(new FieldViolation("leadId", "no lead of this account has this id"));
            return null;
        }
        Long id = db.insertInto(EMAIL_EVENTS).set(EV_ACCOUNT_ID, accountId).set(EV_LEAD_ID, draft.leadId())
                .set(EV_CAMPAIGN_ID, draft.campaignId()).set(EV_TYPE, draft.type())
                .set(EV_OCCURRED_AT, draft.occurredAt()).set(EV_URL, draft.url()).returning(EV_ID).fetchOne(EV_ID);
        switch (draft.type()) {
            case "opened", "clicked" -> db.update(LEADS)
                    .set(LAST_ACTIVE_AT, DSL.greatest(DSL.coalesce(LAST_ACTIVE_AT, draft.occurredAt()), DSL.val(draft.occurredAt())))
                    .set(UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(ACCOUNT_ID.eq(accountId), ID.eq(draft.leadId())).execute();
            case "bounced" -> setEmailStatus(accountId, draft.leadId(), "bounced");
            case "unsubscribed" -> db.update(LEADS).set(EMAIL_STATUS, "unsubscribed")
                    .set(UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(ACCOUNT_ID.eq(accountId), ID.eq(draft.leadId()), EMAIL_STATUS.eq("subscribed")).execute();
            default -> { }
        }
        changes.leadChanged(accountId, draft.leadId());
        return id;
    }

    private void setEmailStatus(long accountId, long leadId, String status) {
        db.update(LEADS).set(EMAIL_STATUS, status).set(UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(leadId)).execute();
    }

    private static Long id(Object value, String path, List<FieldViolation> violations) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        violations.add(new FieldViolation(path, "must be an id"));
        return null;
    }
}
