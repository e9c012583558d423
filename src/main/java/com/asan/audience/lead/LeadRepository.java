package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
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

    private static final String UNIQUE_VIOLATION = "23505";

    private final DSLContext db;
    private final CustomValuesJson json;
    /** The leads id sequence's name, looked up once. */
    private volatile String idSequence;

    private final LeadsByIds byIds;

    LeadRepository(DSLContext db, CustomValuesJson json) {
        this.db = db;
        this.json = json;
        this.byIds = new LeadsByIds(db);
    }

    long insert(long accountId, LeadView lead) {
        return db.insertInto(LEADS)
                .set(ACCOUNT_ID, accountId).set(FIRST_NAME, lead.firstName()).set(LAST_NAME, lead.lastName())
                .set(EMAIL, lead.email()).set(PHONE, lead.phone()).set(PHONE_TYPE, lead.phoneType())
                .set(STATUS, lead.status()).set(SOURCE, lead.source()).set(ASSIGNED_TO, lead.assignedTo())
                .set(EMAIL_STATUS, lead.emailStatus()).set(CUSTOM_FIELDS, json.write(lead.customFields()))
                .set(CREATED_AT, lead.createdAt()).set(LAST_ACTIVE_AT, lead.lastActiveAt())
                .set(UPDATED_AT, lead.updatedAt())
                .returning(ID).fetchOne(ID);
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

    /** Ids from the leads sequence, so a bulk insert knows which row became which lead. */
    List<Long> allocateIds(int count) {
        if (count == 0) {
            return List.of();
        }
        // the sequence is named once: pg_get_serial_sequence inside the select ran once per id (a second per 100k)
        return db.select(DSL.field("nextval({0}::regclass)", Long.class, DSL.val(idSequence())))
                .from(DSL.generateSeries(1, count)).fetch(0, Long.class);
    }

    private String idSequence() {
        String name = idSequence;
        if (name == null) {
            name = db.select(DSL.field("pg_get_serial_sequence('leads', 'id')", String.class)).fetchOne(0, String.class);
            idSequence = name;
        }
        return name;
    }

    /**
     * Inserts leads with preset ids. With {@code skipTaken}, a row whose email is already taken is left out;
     * without it, such a row fails the whole statement with a DuplicateKeyException, but the insert is cheaper: no
     * speculative insertion (22 % less time for 100,000 new leads), and the rows go as one binary COPY (see
     * {@link #copyAll}). Returns the inserted ids.
     * With {@code skipTaken} the rows travel as one array per column (unnest), so the statement has 14 parameters,
     * not 14 per row: parsing and binding a 1,000-row VALUES list cost more than the insert itself.
     */
    Set<Long> insertAll(long accountId, List<LeadView> rows, boolean skipTaken) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        if (!skipTaken) {
            return copyAll(accountId, rows);
        }
        int n = rows.size();
        Long[] ids = new Long[n];
        Long[] assigned = new Long[n];
        String[][] text = new String[12][n];
        for (int i = 0; i < n; i++) {
            LeadView lead = rows.get(i);
            ids[i] = lead.id();
            assigned[i] = lead.assignedTo();
            text[0][i] = lead.firstName();
            text[1][i] = lead.lastName();
            text[2][i] = lead.email();
            text[3][i] = lead.phone();
            text[4][i] = lead.phoneType();
            text[5][i] = lead.status();
            text[6][i] = lead.source();
            text[7][i] = lead.emailStatus();
            text[8][i] = json.write(lead.customFields()).data();
            text[9][i] = lead.createdAt().toString();
            text[10][i] = lead.lastActiveAt() == null ? null : lead.lastActiveAt().toString();
            text[11][i] = lead.updatedAt().toString();
        }
        return new HashSet<>(db.resultQuery("""
                insert into leads (id, account_id, first_name, last_name, email, phone, phone_type, status, source,
                                   assigned_to, email_status, custom_fields, created_at, last_active_at, updated_at)
                select u.id, {0}, u.fn, u.ln, u.em, u.ph, u.pt, u.st, u.so, u.at, u.es, u.cf::jsonb,
                       u.ca::timestamptz, u.la::timestamptz, u.ua::timestamptz
                from unnest({1}::bigint[], {2}::text[], {3}::text[], {4}::text[], {5}::text[], {6}::text[],
                            {7}::text[], {8}::text[], {9}::bigint[], {10}::text[], {11}::text[], {12}::text[],
                            {13}::text[], {14}::text[])
                     as u(id, fn, ln, em, ph, pt, st, so, at, es, cf, ca, la, ua)
                {15}
                returning id""", DSL.val(accountId), DSL.val(ids), DSL.val(text[0]), DSL.val(text[1]),
                DSL.val(text[2]), DSL.val(text[3]), DSL.val(text[4]), DSL.val(text[5]), DSL.val(text[6]),
                DSL.val(assigned), DSL.val(text[7]), DSL.val(text[8]), DSL.val(text[9]), DSL.val(text[10]),
                DSL.val(text[11]), DSL.raw(skipTaken ? "on conflict do nothing" : "")).fetch(0, Long.class));
    }

    /**
     * All rows in one binary COPY, all or none: a taken email fails it with a DuplicateKeyException. Per 1M imported
     * leads it took about 7 s less of this JVM's CPU and 12 s less of PostgreSQL's than the arrays of text of the
     * statement below (docs/decisions/0005-import-insert-with-binary-copy.md).
     */
    private Set<Long> copyAll(long accountId, List<LeadView> rows) {
        BinaryCopyWriter copy = new BinaryCopyWriter(rows.size() * 256);
        Set<Long> ids = new HashSet<>();
        for (LeadView lead : rows) {
            copy.row(15);
            copy.int8(lead.id());
            copy.int8(accountId);
            copy.text(lead.firstName());
            copy.text(lead.lastName());
            copy.text(lead.email());
            copy.text(lead.phone());
            copy.text(lead.phoneType());
            copy.text(lead.status());
            copy.text(lead.source());
            copy.int8(lead.assignedTo());
            copy.text(lead.emailStatus());
            copy.jsonb(json.write(lead.customFields()).data());
            copy.timestamptz(lead.createdAt());
            copy.timestamptz(lead.lastActiveAt());
            copy.timestamptz(lead.updatedAt());
            ids.add(lead.id());
        }
        db.connection(connection -> {
            try {
                copy.copyInto(connection, "leads (id, account_id, first_name, last_name, email, phone, phone_type, "
                        + "status, source, assigned_to, email_status, custom_fields, created_at, last_active_at, "
                        + "updated_at)");
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new DuplicateKeyException("a lead of the batch is already stored", e);
                }
                throw e;
            }
        });
        return ids;
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
