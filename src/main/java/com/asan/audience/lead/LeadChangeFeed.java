package com.asan.audience.lead;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.asan.audience.account.TeamMemberRemoved;
import java.util.Collection;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every change to lead data in the writer's own transaction, under a per-account version that commits in
 * order. Readers (the count index) replay it to stay exact: nothing is missed, nothing applied twice.
 */
@Component
class LeadChangeFeed {

    static final Table<Record> VERSIONS = table(name("lead_change_versions"));
    static final Table<Record> CHANGES = table(name("lead_changes"));
    static final Field<Long> ACCOUNT_ID = field(name("account_id"), Long.class);
    static final Field<Long> VERSION = field(name("version"), Long.class);
    static final Field<Long> PRUNED_THROUGH = field(name("pruned_through"), Long.class);
    static final Field<Long> LEAD_ID = field(name("lead_id"), Long.class);
    static final Field<Long[]> LEAD_IDS = field(name("lead_ids"), Long[].class);
    static final Field<String> DROPPED_FIELD = field(name("dropped_field"), String.class);
    static final Field<Long> UNASSIGNED_MEMBER = field(name("unassigned_member"), Long.class);

    private final DSLContext db;

    LeadChangeFeed(DSLContext db) {
        this.db = db;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void leadChanged(long accountId, long leadId) {
        record(accountId, leadId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void leadsChanged(long accountId, Collection<Long> leadIds) {
        if (leadIds.size() == 1) {
            record(accountId, leadIds.iterator().next());
        } else if (!leadIds.isEmpty()) {
            db.insertInto(CHANGES).set(ACCOUNT_ID, accountId).set(VERSION, nextVersion(accountId))
                    .set(LEAD_IDS, leadIds.toArray(Long[]::new)).execute();
        }
    }

    /**
     * Something that changes how criteria read (which campaign is the last one) but no lead's data: the version
     * moves, so answers computed before it are not taken as current, and readers have no lead to reload.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void contextChanged(long accountId) {
        changeNamingNoLead(accountId).execute();
    }

    /**
     * A custom field was deleted (its values with it) or retyped (only a field no lead holds can be): readers drop
     * what they hold for the key, so a field of the same key starts afresh, whatever its type. No lead to reload.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void fieldDropped(long accountId, String key) {
        changeNamingNoLead(accountId).set(DROPPED_FIELD, key).execute();
    }

    /**
     * The given leads changed, however many: past what a reader would reload one by one
     * ({@link LeadSnapshots#MAX_CHANGED_LEADS}) it is recorded as an account-wide change, so the row stays small.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void leadsChangedOrAccount(long accountId, Collection<Long> leadIds) {
        if (leadIds.size() > LeadSnapshots.MAX_CHANGED_LEADS) {
            accountChanged(accountId);
        } else {
            leadsChanged(accountId, leadIds);
        }
    }

    /** Something that touches many leads at once: readers rebuild the account. */
    @Transactional(propagation = Propagation.MANDATORY)
    void accountChanged(long accountId) {
        record(accountId, null);
    }

    /** The foreign key has just unassigned the removed member's leads: readers drop the member's value. */
    @EventListener
    void onTeamMemberRemoved(TeamMemberRemoved event) {
        changeNamingNoLead(event.accountId()).set(UNASSIGNED_MEMBER, event.memberId()).execute();
    }

    /** A row that moves the version and names no lead (an empty list, not null: null means the whole account). */
    private InsertSetMoreStep<Record> changeNamingNoLead(long accountId) {
        return db.insertInto(CHANGES).set(ACCOUNT_ID, accountId).set(VERSION, nextVersion(accountId))
                .set(LEAD_IDS, new Long[0]);
    }

    private void record(long accountId, Long leadId) {
        db.insertInto(CHANGES).set(ACCOUNT_ID, accountId).set(VERSION, nextVersion(accountId)).set(LEAD_ID, leadId)
                .execute();
    }

    private long nextVersion(long accountId) {
        return db.insertInto(VERSIONS).set(ACCOUNT_ID, accountId).set(VERSION, 1L)
                .onConflict(ACCOUNT_ID).doUpdate()
                .set(VERSION, field(name("lead_change_versions", "version"), Long.class).plus(1))
                .returning(VERSION).fetchOne(VERSION);
    }
}
