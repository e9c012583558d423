package com.asan.audience.lead;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** Inserts many leads at once with preset ids: the write path of imports and form submissions. */
@Repository
class LeadInserts {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DSLContext db;
    private final CustomValuesJson json;
    /** The leads id sequence's name, looked up once. */
    private volatile String idSequence;

    LeadInserts(DSLContext db, CustomValuesJson json) {
        this.db = db;
        this.json = json;
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
}
