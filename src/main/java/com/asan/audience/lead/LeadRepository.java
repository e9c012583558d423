package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL for leads and their tags. Every statement is scoped by account. */
@Repository
class LeadRepository {

    /** A lead's tag names in name order, in the lead's own row: one query for a page of leads with their tags. */
    static final Field<String[]> TAG_NAMES = DSL.field(DSL.select(DSL.arrayAgg(TAG_NAME)
                    .orderBy(lower(TAG_NAME)))
            .from(LEAD_TAGS).join(TAGS).on(TAG_ACCOUNT_ID.eq(LT_ACCOUNT_ID), TAG_ID.eq(LT_TAG_ID))
            .where(LT_ACCOUNT_ID.eq(ACCOUNT_ID), LT_LEAD_ID.eq(ID))).as("tag_names");

    /** A lead's columns named one by one (jOOQ then knows their types without asking the driver) and its tags. */
    static final List<Field<?>> LEAD_ROW = List.of(ID, FIRST_NAME, LAST_NAME, EMAIL, PHONE, PHONE_TYPE,
            STATUS, SOURCE, ASSIGNED_TO, EMAIL_STATUS, CUSTOM_FIELDS, CREATED_AT, LAST_ACTIVE_AT, UPDATED_AT, TAG_NAMES);

    private final DSLContext db;
    private final CustomValuesJson json;

    private final LeadsByIds byIds;

    LeadRepository(DSLContext db, CustomValuesJson json) {
        this.db = db;
        this.json = json;
        this.byIds = new LeadsByIds(db);
    }

    /** The new lead's id, or empty when another lead of the account holds its email (a concurrent insert too). */
    Optional<Long> insert(long accountId, LeadView lead) {
        return db.insertInto(LEADS)
                .set(ACCOUNT_ID, accountId).set(FIRST_NAME, lead.firstName()).set(LAST_NAME, lead.lastName())
                .set(EMAIL, lead.email()).set(PHONE, lead.phone()).set(PHONE_TYPE, lead.phoneType())
                .set(STATUS, lead.status()).set(SOURCE, lead.source()).set(ASSIGNED_TO, lead.assignedTo())
                .set(EMAIL_STATUS, lead.emailStatus()).set(CUSTOM_FIELDS, json.write(lead.customFields()))
                .set(CREATED_AT, lead.createdAt()).set(LAST_ACTIVE_AT, lead.lastActiveAt())
                .set(UPDATED_AT, lead.updatedAt())
                .onConflictDoNothing()
                .returning(ID).fetchOptional(ID);
    }

    /** False when the lead no longer exists. */
    boolean update(long accountId, LeadView lead) {
        return db.update(LEADS)
                .set(FIRST_NAME, lead.firstName()).set(LAST_NAME, lead.lastName())
                .set(EMAIL, lead.email()).set(PHONE, lead.phone()).set(PHONE_TYPE, lead.phoneType())
                .set(STATUS, lead.status()).set(SOURCE, lead.source()).set(ASSIGNED_TO, lead.assignedTo())
                .set(EMAIL_STATUS, lead.emailStatus()).set(CUSTOM_FIELDS, json.write(lead.customFields()))
                .set(CREATED_AT, lead.createdAt()).set(LAST_ACTIVE_AT, lead.lastActiveAt())
                .set(UPDATED_AT, lead.updatedAt())
                .where(ACCOUNT_ID.eq(accountId), ID.eq(lead.id())).execute() == 1;
    }

    /** Deletes the lead and its tag links (lead_tags has no foreign key to cascade them, see V6). */
    boolean delete(long accountId, long id) {
        if (db.deleteFrom(LEADS).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute() != 1) {
            return false;
        }
        db.deleteFrom(LEAD_TAGS).where(LT_ACCOUNT_ID.eq(accountId), LT_LEAD_ID.eq(id)).execute();
        return true;
    }

    Optional<LeadView> find(long accountId, long id) {
        return db.select(LEAD_ROW).from(LEADS).where(ACCOUNT_ID.eq(accountId), ID.eq(id))
                .fetchOptional(this::toTaggedView);
    }

    /** Locks the row for the rest of the transaction, so concurrent partial updates do not overwrite each other. */
    Optional<LeadView> findForUpdate(long accountId, long id) {
        return db.select(LEAD_ROW).from(LEADS).where(ACCOUNT_ID.eq(accountId), ID.eq(id))
                .forUpdate().of(LEADS).fetchOptional(this::toTaggedView);
    }

    /**
     * Stored leads by lower-cased email. One index probe per key (a lateral join), whatever the planner's row
     * estimates: with {@code = any(array)} it chose a scan of the account per batch, 37 s at 58,000 leads.
     */
    Map<String, LeadView> findByEmails(long accountId, Collection<String> lowerEmails) {
        Map<String, LeadView> found = new HashMap<>();
        if (!lowerEmails.isEmpty()) {
            probe("lower(email) = k.value and email is not null", accountId, lowerEmails)
                    .forEach(r -> found.put(r.get(EMAIL).toLowerCase(java.util.Locale.ROOT), toView(r)));
        }
        return found;
    }

    /** Stored leads by phone; when several share a phone, the oldest. */
    Map<String, LeadView> findByPhones(long accountId, Collection<String> phones) {
        Map<String, LeadView> found = new HashMap<>();
        if (!phones.isEmpty()) {
            probe("phone = k.value", accountId, phones)
                    .sortAsc(ID).forEach(r -> found.putIfAbsent(r.get(PHONE), toView(r)));
        }
        return found;
    }

    private org.jooq.Result<Record> probe(String match, long accountId, Collection<String> keys) {
        return db.resultQuery("select l.* from unnest({0}) as k(value) cross join lateral "
                        + "(select * from leads where account_id = {1} and " + match + ") as l",
                DSL.val(keys.toArray(String[]::new)), DSL.val(accountId)).fetch();
    }

    Optional<Long> idByEmail(long accountId, String email) {
        // email is not null lets the planner use the partial unique index on lower(email)
        return db.select(ID).from(LEADS).where(ACCOUNT_ID.eq(accountId), EMAIL.isNotNull(), lower(EMAIL).eq(email.toLowerCase()))
                .fetchOptional(ID);
    }

    Optional<Long> idByPhone(long accountId, String phone) {
        return db.select(ID).from(LEADS).where(ACCOUNT_ID.eq(accountId), PHONE.eq(phone)).orderBy(ID).limit(1)
                .fetchOptional(ID);
    }

    /** The leads with these ids, in no particular order (see {@link LeadsByIds}). */
    List<LeadView> byIds(long accountId, Collection<Long> ids) {
        return byIds.fetch(accountId, ids, this::toTaggedView).leads();
    }

    record LeadsAtVersion(List<LeadView> leads, long feedVersion) {
    }

    /** {@link #byIds} with the change feed's version as one more column (one row even when no lead is found). */
    LeadsAtVersion byIdsWithFeedVersion(long accountId, Collection<Long> ids) {
        return byIds.fetch(accountId, ids, this::toTaggedView);
    }

    /** A page of leads matching {@code filter}, in the given order (the id breaks ties, so pages are stable). */
    List<LeadView> page(long accountId, Condition filter, List<SortField<?>> order, int offset, int limit) {
        List<SortField<?>> stableOrder = new ArrayList<>(order);
        stableOrder.add(ID.asc());
        return db.select(LEAD_ROW).from(LEADS).where(ACCOUNT_ID.eq(accountId)).and(filter)
                .orderBy(stableOrder).offset(offset).limit(limit).fetch(this::toTaggedView);
    }

    long count(long accountId, Condition filter) {
        return db.fetchCount(LEADS, ACCOUNT_ID.eq(accountId).and(filter));
    }

    static Condition search(String q) {
        if (q == null || q.isBlank()) {
            return noCondition();
        }
        if (q.indexOf('\0') >= 0) {
            return DSL.falseCondition(); // no stored text holds U+0000, and PostgreSQL refuses it as a parameter
        }
        String needle = q.strip().toLowerCase();
        String digits = needle.replaceAll("[^0-9]", "");
        Condition text = DSL.position(lower(FIRST_NAME.concat(DSL.inline(" ")).concat(LAST_NAME)), needle).gt(0)
                .or(DSL.position(lower(FIRST_NAME), needle).gt(0))
                .or(DSL.position(lower(LAST_NAME), needle).gt(0))
                .or(DSL.position(lower(EMAIL), needle).gt(0));
        return digits.length() >= 3 ? text.or(DSL.position(PHONE, digits).gt(0)) : text;
    }

    private LeadView toTaggedView(Record r) {
        return toTaggedView(r, TAG_NAMES);
    }

    LeadView toTaggedView(Record r, Field<String[]> tagNames) {
        String[] tags = r.get(tagNames);
        return toView(r).withTags(tags == null ? List.of() : List.of(tags));
    }

    private LeadView toView(Record r) {
        return new LeadView(r.get(ID), r.get(FIRST_NAME), r.get(LAST_NAME), r.get(EMAIL), r.get(PHONE),
                r.get(PHONE_TYPE), r.get(STATUS), r.get(SOURCE), List.of(), r.get(ASSIGNED_TO),
                json.read(r.get(CUSTOM_FIELDS)), r.get(CREATED_AT), r.get(LAST_ACTIVE_AT), r.get(EMAIL_STATUS),
                r.get(UPDATED_AT));
    }
}
