package com.asan.audience.campaign;

import static com.asan.audience.campaign.CampaignTables.*;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL for campaign recipient lists and their delivery states. */
@Repository
class RecipientRepository {

    /**
     * SENDING: claimed by a sender, no SMTP transaction started; ATTEMPTING: its transaction started and the outcome
     * is not recorded yet; INTERRUPTED: it was attempting when its sender died, so it may have the message.
     */
    enum Status { PENDING, SENDING, ATTEMPTING, SENT, FAILED, SKIPPED, INTERRUPTED }

    record Claimed(long leadId, String email, int attempts) {
    }

    private final DSLContext db;

    RecipientRepository(DSLContext db) {
        this.db = db;
    }

    /** Stores a chunk of the recipient list; one array per column. */
    void insert(long accountId, long campaignId, List<Long> leadIds, List<String> emails, List<String> statuses,
                List<String> reasons) {
        if (leadIds.isEmpty()) {
            return;
        }
        db.execute("""
                insert into campaign_recipients (account_id, campaign_id, lead_id, email, status, reason)
                select {0}, {1}, u.lead_id, u.email, u.status, u.reason
                from unnest({2}::bigint[], {3}::text[], {4}::text[], {5}::text[]) as u(lead_id, email, status, reason)""",
                DSL.val(accountId), DSL.val(campaignId), DSL.val(leadIds.toArray(Long[]::new)),
                DSL.val(emails.toArray(String[]::new)), DSL.val(statuses.toArray(String[]::new)),
                DSL.val(reasons.toArray(String[]::new)));
    }

    /**
     * Marks up to {@code limit} due pending recipients as sending and returns them. SKIP LOCKED lets several
     * senders share one campaign without taking the same recipient.
     */
    List<Claimed> claim(long accountId, long campaignId, int limit) {
        return db.resultQuery("""
                update campaign_recipients r set status = 'sending', attempts = r.attempts + 1
                where (r.account_id, r.campaign_id, r.lead_id) in (
                    select account_id, campaign_id, lead_id from campaign_recipients
                    where account_id = {0} and campaign_id = {1} and status = 'pending'
                      and (next_attempt_at is null or next_attempt_at <= now())
                    order by lead_id limit {2} for update skip locked)
                returning r.lead_id, r.email, r.attempts""", DSL.val(accountId), DSL.val(campaignId), DSL.val(limit))
                .fetch(r -> new Claimed(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class)));
    }

    /** Marks many recipients sent in one statement (one array per column). */
    void markAllSent(long accountId, long campaignId, List<Long> leadIds, List<String> messageIds) {
        if (leadIds.isEmpty()) {
            return;
        }
        db.execute("""
                update campaign_recipients r set status = 'sent', sent_at = now(), message_id = u.message_id,
                       reason = null
                from unnest({2}::bigint[], {3}::text[]) as u(lead_id, message_id)
                where r.account_id = {0} and r.campaign_id = {1} and r.lead_id = u.lead_id""",
                DSL.val(accountId), DSL.val(campaignId), DSL.val(leadIds.toArray(Long[]::new)),
                DSL.val(messageIds.toArray(String[]::new)));
    }

    void markFailed(long accountId, long campaignId, long leadId, String reason) {
        db.update(RECIPIENTS).set(R_STATUS, "failed").set(R_REASON, reason).where(key(accountId, campaignId, leadId))
                .execute();
    }

    void retryLater(long accountId, long campaignId, long leadId, String reason, Duration delay) {
        db.update(RECIPIENTS).set(R_STATUS, "pending").set(R_REASON, reason)
                .set(R_NEXT_ATTEMPT_AT, DSL.field("now() + {0} * interval '1 millisecond'", OffsetDateTime.class,
                        DSL.inline(delay.toMillis())))
                .where(key(accountId, campaignId, leadId)).execute();
    }

    /** Committed before the SMTP transactions of these recipients start: from here a crash leaves them in doubt. */
    void markAttempting(long accountId, long campaignId, List<Long> leadIds) {
        if (!leadIds.isEmpty()) {
            db.update(RECIPIENTS).set(R_STATUS, "attempting")
                    .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId), R_LEAD_ID.in(leadIds),
                            R_STATUS.eq("sending")).execute();
        }
    }

    /**
     * After a sender died: recipients it claimed but never attempted go back to pending (their claim did not count
     * as an attempt); those whose transaction had started become interrupted, never sent again by themselves.
     */
    void recoverAfterCrash(long accountId, long campaignId) {
        db.update(RECIPIENTS).set(R_STATUS, "pending").set(R_ATTEMPTS, DSL.greatest(R_ATTEMPTS.minus(1), DSL.inline(0)))
                .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId), R_STATUS.eq("sending")).execute();
        db.update(RECIPIENTS).set(R_STATUS, "interrupted")
                .set(R_REASON, "the sender stopped while this message was being handed to the mail server; "
                        + "it may or may not have arrived")
                .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId), R_STATUS.eq("attempting")).execute();
    }

    /** Interrupted recipients become pending again (an owner's or admin's decision); returns how many. */
    int requeueInterrupted(long accountId, long campaignId) {
        return db.update(RECIPIENTS).set(R_STATUS, "pending").setNull(R_REASON).setNull(R_NEXT_ATTEMPT_AT)
                .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId), R_STATUS.eq("interrupted")).execute();
    }

    /** Skips the pending recipients whose lead unsubscribed (or bounced) since the list was made. */
    void skip(long accountId, long campaignId, List<Long> leadIds, String reason) {
        if (!leadIds.isEmpty()) {
            db.update(RECIPIENTS).set(R_STATUS, "skipped").set(R_REASON, reason)
                    .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId), R_LEAD_ID.in(leadIds)).execute();
        }
    }

    void skipPending(long accountId, long campaignId, String reason) {
        db.update(RECIPIENTS).set(R_STATUS, "skipped").set(R_REASON, reason)
                .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId), R_STATUS.eq("pending")).execute();
    }

    Map<Status, Long> counts(long accountId, long campaignId) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        db.select(R_STATUS, count()).from(RECIPIENTS)
                .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId)).groupBy(R_STATUS)
                .forEach(r -> counts.put(Status.valueOf(r.get(R_STATUS).toUpperCase()), r.get(1, Long.class)));
        return counts;
    }

    /** Whether pending recipients remain, and when the next of them is due. */
    OffsetDateTime nextDue(long accountId, long campaignId) {
        return db.select(DSL.min(DSL.coalesce(R_NEXT_ATTEMPT_AT, currentOffsetDateTime()))).from(RECIPIENTS)
                .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId), R_STATUS.eq("pending"))
                .fetchOne(0, OffsetDateTime.class);
    }

    List<RecipientView> page(long accountId, long campaignId, String status, int offset, int limit) {
        return db.select(R_LEAD_ID, R_EMAIL, R_STATUS, R_REASON, R_SENT_AT).from(RECIPIENTS)
                .where(R_ACCOUNT_ID.eq(accountId), R_CAMPAIGN_ID.eq(campaignId), statusIs(status))
                .orderBy(R_LEAD_ID).offset(offset).limit(limit)
                .fetch(r -> new RecipientView(r.get(R_LEAD_ID), r.get(R_EMAIL), r.get(R_STATUS), r.get(R_REASON),
                        r.get(R_SENT_AT)));
    }

    long total(long accountId, long campaignId, String status) {
        return db.fetchCount(RECIPIENTS, R_ACCOUNT_ID.eq(accountId).and(R_CAMPAIGN_ID.eq(campaignId))
                .and(statusIs(status)));
    }

    private static Condition statusIs(String status) {
        return status == null ? DSL.noCondition() : R_STATUS.eq(status);
    }

    private static Condition key(long accountId, long campaignId, long leadId) {
        return R_ACCOUNT_ID.eq(accountId).and(R_CAMPAIGN_ID.eq(campaignId)).and(R_LEAD_ID.eq(leadId));
    }
}
