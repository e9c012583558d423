package com.asan.audience.campaign;

import static com.asan.audience.campaign.CampaignTables.*;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL for campaigns: content, lifecycle transitions and the send lease. */
@Repository
class CampaignRepository {

    private final DSLContext db;

    CampaignRepository(DSLContext db) {
        this.db = db;
    }

    record Due(long accountId, long id) {
    }

    long insertSent(long accountId, String name, OffsetDateTime sentAt) {
        return db.insertInto(CAMPAIGNS).set(ACCOUNT_ID, accountId).set(NAME, name).set(STATUS, "sent")
                .set(SENT_AT, sentAt).returning(ID).fetchOne(ID);
    }

    long insertDraft(long accountId, CampaignContent content) {
        return db.insertInto(CAMPAIGNS).set(ACCOUNT_ID, accountId).set(STATUS, "draft").set(NAME, content.name())
                .set(SUBJECT, content.subject()).set(PREHEADER, content.preheader()).set(FROM_NAME, content.fromName())
                .set(FROM_EMAIL, content.fromEmail()).set(REPLY_TO, content.replyTo()).set(HTML, content.html())
                .set(SEGMENT_ID, content.segmentId())
                .set(EXCLUDE_SEGMENT_IDS, content.excludeSegmentIds().toArray(Long[]::new))
                .returning(ID).fetchOne(ID);
    }

    /** Replaces the content of a draft or scheduled campaign; false when it is in another state. */
    boolean updateContent(long accountId, long id, CampaignContent content) {
        return db.update(CAMPAIGNS).set(NAME, content.name()).set(SUBJECT, content.subject())
                .set(PREHEADER, content.preheader()).set(FROM_NAME, content.fromName())
                .set(FROM_EMAIL, content.fromEmail()).set(REPLY_TO, content.replyTo()).set(HTML, content.html())
                .set(SEGMENT_ID, content.segmentId())
                .set(EXCLUDE_SEGMENT_IDS, content.excludeSegmentIds().toArray(Long[]::new))
                .set(UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), STATUS.in("draft", "scheduled")).execute() == 1;
    }

    Optional<CampaignView> find(long accountId, long id) {
        return db.select(CAMPAIGNS.fields()).from(CAMPAIGNS).where(ACCOUNT_ID.eq(accountId), ID.eq(id))
                .fetchOptional(CampaignRepository::toView);
    }

    /** Locks the campaign row for a state change. */
    Optional<CampaignView> findForUpdate(long accountId, long id) {
        return db.select(CAMPAIGNS.fields()).from(CAMPAIGNS).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).forUpdate()
                .fetchOptional(CampaignRepository::toView);
    }

    List<CampaignView> all(long accountId) {
        return db.select(CAMPAIGNS.fields()).from(CAMPAIGNS).where(ACCOUNT_ID.eq(accountId))
                .orderBy(CREATED_AT.desc(), ID.desc()).fetch(CampaignRepository::toView);
    }

    Set<Long> existing(long accountId, Set<Long> ids) {
        return new HashSet<>(db.select(ID).from(CAMPAIGNS).where(ACCOUNT_ID.eq(accountId), ID.in(ids)).fetch(ID));
    }

    boolean delete(long accountId, long id) {
        return db.deleteFrom(CAMPAIGNS).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute() == 1;
    }

    void schedule(long accountId, long id, OffsetDateTime sendAt) {
        db.update(CAMPAIGNS).set(STATUS, "scheduled").set(SEND_AT, sendAt).set(UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute();
    }

    void setStatus(long accountId, long id, String status) {
        db.update(CAMPAIGNS).set(STATUS, status).set(UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute();
    }

    void setFailure(long accountId, long id, String failure) {
        db.update(CAMPAIGNS).set(FAILURE, failure).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute();
    }

    /** The send has its recipient list: record the criteria used and take the lease. */
    void startSending(long accountId, long id, JSONB criteria, String owner, Duration lease) {
        db.update(CAMPAIGNS).set(STATUS, "sending").set(STARTED_AT, currentOffsetDateTime())
                .set(CRITERIA_USED, criteria).set(LEASE_OWNER, owner).set(LEASE_UNTIL, leaseEnd(lease))
                .set(UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute();
    }

    /**
     * Scheduled campaigns that are due, claimed with SKIP LOCKED so that exactly one instance starts each one.
     * The caller starts them in the same transaction.
     */
    List<Due> claimDue(int limit) {
        return db.select(ACCOUNT_ID, ID).from(CAMPAIGNS)
                .where(STATUS.eq("scheduled"), SEND_AT.le(currentOffsetDateTime()))
                .orderBy(SEND_AT).limit(limit).forUpdate().skipLocked()
                .fetch(r -> new Due(r.get(ACCOUNT_ID), r.get(ID)));
    }

    /** Sending campaigns whose sender stopped renewing its lease (a crash): another instance finishes them. */
    List<Due> orphanedSends() {
        return db.select(ACCOUNT_ID, ID).from(CAMPAIGNS)
                .where(STATUS.eq("sending"), LEASE_UNTIL.lt(currentOffsetDateTime()))
                .fetch(r -> new Due(r.get(ACCOUNT_ID), r.get(ID)));
    }

    boolean claimSend(long accountId, long id, String owner, Duration lease) {
        return db.update(CAMPAIGNS).set(LEASE_OWNER, owner).set(LEASE_UNTIL, leaseEnd(lease))
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), STATUS.eq("sending"))
                .and(LEASE_UNTIL.lt(currentOffsetDateTime()).or(LEASE_OWNER.eq(owner)))
                .execute() == 1;
    }

    boolean renewLease(long accountId, long id, String owner, Duration lease) {
        return db.update(CAMPAIGNS).set(LEASE_UNTIL, leaseEnd(lease))
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), LEASE_OWNER.eq(owner), STATUS.eq("sending"))
                .execute() == 1;
    }

    /** Marks it sent; a campaign sent once before (a resend to interrupted recipients) keeps its first send time. */
    OffsetDateTime finishSending(long accountId, long id, OffsetDateTime sentAt) {
        return db.update(CAMPAIGNS).set(STATUS, "sent").set(SENT_AT, DSL.coalesce(SENT_AT, DSL.val(sentAt)))
                .setNull(LEASE_OWNER).setNull(LEASE_UNTIL).set(UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), STATUS.eq("sending")).returning(SENT_AT)
                .fetchOptional(SENT_AT).orElse(sentAt);
    }

    /** A sent campaign goes back to sending, under this instance's lease, to deliver requeued recipients. */
    boolean resumeSending(long accountId, long id, String owner, Duration lease) {
        return db.update(CAMPAIGNS).set(STATUS, "sending").set(LEASE_OWNER, owner).set(LEASE_UNTIL, leaseEnd(lease))
                .set(UPDATED_AT, currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), STATUS.eq("sent")).execute() == 1;
    }

    private static org.jooq.Field<OffsetDateTime> leaseEnd(Duration lease) {
        return DSL.field("now() + {0} * interval '1 millisecond'", OffsetDateTime.class, DSL.inline(lease.toMillis()));
    }

    private static CampaignView toView(Record r) {
        Long[] excluded = r.get(EXCLUDE_SEGMENT_IDS);
        return new CampaignView(r.get(ID), r.get(NAME), r.get(STATUS), r.get(SUBJECT), r.get(PREHEADER),
                r.get(FROM_NAME), r.get(FROM_EMAIL), r.get(REPLY_TO), r.get(HTML), r.get(SEGMENT_ID),
                excluded == null ? List.of() : Arrays.asList(excluded), r.get(SEND_AT), r.get(SENT_AT),
                r.get(CREATED_AT), r.get(FAILURE), null);
    }
}
