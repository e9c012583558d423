package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;

import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.TextNormalizer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * Reads leads with their tags and engagement from one snapshot as three binary COPY streams sorted by lead id
 * (leads, tag links, opened/clicked events) and merges them into {@link LeadBatch}es, repeated values coded
 * straight from the stream's bytes. A whole account reads the tag
 * links and events on two more connections that import the calling transaction's snapshot, so three PostgreSQL
 * backends work at once; a few leads are read one stream after another on the calling connection.
 * See docs/decisions/0003-index-build-with-binary-copy.md.
 */
final class LeadStreams {

    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+-[0-9A-F]+(-[0-9]+)?");
    /** An engagement kind as read: the campaign id times two, plus one for a click (see {@link #eventsSelect}). */
    private static final LongFunction<LeadBatch.Engagement> ENGAGEMENT = kind -> new LeadBatch.Engagement(kind >> 1,
            (kind & 1) == 1 ? "clicked" : "opened");

    /** A tag link as side rows: lead id, tag id. */
    private static final int TAG_LINK = 2;
    /** An event as side rows: lead id, engagement kind, when as sent (a timestamptz). */
    private static final int EVENT = 3;

    private final DSLContext db;
    private final DataSource dataSource;
    private final Executor sideReaders;

    LeadStreams(DSLContext db, DataSource dataSource, Executor sideReaders) {
        this.db = db;
        this.dataSource = dataSource;
        this.sideReaders = sideReaders;
    }

    /** Every lead of the account, read inside the caller's REPEATABLE READ transaction. */
    void all(long accountId, List<CustomFieldDefinition> fields, Consumer<LeadBatch> sink) {
        Map<Long, String> tagNames = tagNames(accountId);
        String snapshot = db.fetchValue(DSL.field("pg_export_snapshot()", String.class));
        if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
            throw new IllegalStateException("unexpected snapshot id " + snapshot);
        }
        try (SideRows tags = SideRows.readConcurrently(TAG_LINK,
                     links -> readOnSnapshot(snapshot, tagsSelect(accountId, DSL.noCondition()),
                             row -> tagLink(row, links)), sideReaders);
             SideRows events = SideRows.readConcurrently(EVENT,
                     engagement -> readOnSnapshot(snapshot, eventsSelect(accountId, DSL.noCondition()),
                             row -> event(row, engagement)), sideReaders)) {
            // The primary key already yields the account's leads in id order: no sort (the planner may prefer
            // scanning a table shared by many accounts and sorting, which cost more here); until the commit only.
            db.execute("set local enable_sort = off");
            db.connection(connection -> {
                try (BinaryCopyReader leads = BinaryCopyReader.open(connection,
                        leadsSelect(accountId, fields, DSL.noCondition()))) {
                    merge(leads, tags, events, writer(LeadBatchWriter.BATCH_SIZE, fields, sink), tagNames, fields);
                }
            });
        }
    }

    /** The given leads of the account (those still present), read on the caller's connection. */
    void some(long accountId, Long[] ids, List<CustomFieldDefinition> fields, Consumer<LeadBatch> sink) {
        Map<Long, String> tagNames = tagNames(accountId);
        db.connection(connection -> {
            SideRows tagLinks = SideRows.read(TAG_LINK, links -> read(connection,
                    tagsSelect(accountId, LT_LEAD_ID.eq(DSL.any(ids))), row -> tagLink(row, links)));
            SideRows engagement = SideRows.read(EVENT, events -> read(connection,
                    eventsSelect(accountId, EV_LEAD_ID.eq(DSL.any(ids))), row -> event(row, events)));
            try (BinaryCopyReader leads = BinaryCopyReader.open(connection,
                    leadsSelect(accountId, fields, ID.eq(DSL.any(ids))))) {
                // a catch-up of a few leads (before many counts) allocates for those only
                merge(leads, tagLinks, engagement, writer(Math.min(ids.length, LeadBatchWriter.BATCH_SIZE), fields,
                        sink), tagNames, fields);
            }
        });
    }

    private Map<Long, String> tagNames(long accountId) {
        Map<Long, String> names = new HashMap<>();
        db.select(TAG_ID, TAG_NAME).from(TAGS).where(TAG_ACCOUNT_ID.eq(accountId))
                .forEach(r -> names.put(r.value1(), TextNormalizer.fold(r.value2())));
        return names;
    }

    private String leadsSelect(long accountId, List<CustomFieldDefinition> fields, Condition filter) {
        List<SelectField<?>> columns = new ArrayList<>(List.of(ID, FIRST_NAME, LAST_NAME, EMAIL, PHONE,
                PHONE_TYPE, STATUS, SOURCE, ASSIGNED_TO, CREATED_AT, LAST_ACTIVE_AT));
        fields.forEach(field -> columns.add(DSL.field("{0} ->> {1}", String.class, CUSTOM_FIELDS,
                DSL.inline(field.key()))));
        return db.renderInlined(db.select(columns).from(LEADS).where(ACCOUNT_ID.eq(accountId)).and(filter)
                .orderBy(ID));
    }

    private String tagsSelect(long accountId, Condition filter) {
        return db.renderInlined(db.select(LT_LEAD_ID, LT_TAG_ID).from(LEAD_TAGS)
                .where(LT_ACCOUNT_ID.eq(accountId)).and(filter).orderBy(LT_LEAD_ID));
    }

    private String eventsSelect(long accountId, Condition filter) {
        // Campaign and type as one number, 2 × campaign + (clicked ? 1 : 0): one field fewer to send per event (only
        // opened and clicked are read). It is one-to-one; a campaign id beyond ±2^62 fails the read, never collides.
        Field<Long> kind = EV_CAMPAIGN_ID.mul(2L).plus(DSL.when(EV_TYPE.eq("clicked"), 1L).otherwise(0L));
        return db.renderInlined(db.select(EV_LEAD_ID, kind, EV_OCCURRED_AT)
                .from(EMAIL_EVENTS)
                .where(EV_ACCOUNT_ID.eq(accountId), EV_TYPE.in("opened", "clicked")).and(filter)
                .orderBy(EV_LEAD_ID));
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(BinaryCopyReader row) throws SQLException;
    }

    private static void read(Connection connection, String select, RowHandler handler) throws SQLException {
        try (BinaryCopyReader rows = BinaryCopyReader.open(connection, select)) {
            while (rows.nextRow()) {
                handler.handle(rows);
            }
        }
    }

    /** Runs on a side reader: its own connection, in a transaction that sees exactly the exported snapshot. */
    private void readOnSnapshot(String snapshot, String select, RowHandler handler) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                }
                read(connection, select, handler);
            } finally {
                connection.rollback();
            }
        }
    }

    private static void tagLink(BinaryCopyReader row, SideRows.RowSink links) throws SQLException {
        links.put(row.int8(0));
        links.put(row.int8(0));
    }

    private static void event(BinaryCopyReader row, SideRows.RowSink events) throws SQLException {
        events.put(row.int8(0));
        events.put(row.int8(0));
        events.put(row.int8(0));
    }

    private static LeadBatchWriter writer(int batchSize, List<CustomFieldDefinition> fields,
                                          Consumer<LeadBatch> sink) {
        return new LeadBatchWriter(Math.max(1, batchSize), fields.stream().map(CustomFieldDefinition::key).toList(),
                sink);
    }

    /** The leads stream drives; side rows of a lead id not in it (none in one snapshot) are passed over. */
    private static void merge(BinaryCopyReader leads, SideRows tags, SideRows events,
                              LeadBatchWriter out, Map<Long, String> tagNames, List<CustomFieldDefinition> fields)
            throws SQLException {
        LongFunction<String> tagName = tagNames::get;
        BinaryCopyReader.RowBytes email = out::email;
        List<Function<String, Object>> parsers = fields.stream().map(LeadStreams::parser).toList();
        while (leads.nextRow()) {
            long id = leads.int8(0);
            int row = out.startRow(id);
            out.firstName[row] = leads.code(out.firstNames, Function.identity());
            out.lastName[row] = leads.code(out.lastNames, Function.identity());
            if (!leads.bytes(row, email)) {
                out.noEmail(row);
            }
            out.phone[row] = leads.text();
            out.phoneType[row] = leads.code(out.phoneTypes, Function.identity());
            out.status[row] = leads.code(out.statuses, Function.identity());
            out.source[row] = leads.code(out.sources, Function.identity());
            out.assignee[row] = leads.int8Code(out.assignees, Long::valueOf);
            leads.timestamp(out.created, row);
            leads.timestamp(out.lastActive, row);
            for (int f = 0; f < fields.size(); f++) {
                out.customValues[f][row] = leads.code(out.custom.get(f), parsers.get(f));
            }
            for (; tags.hasRow() && tags.get(0) <= id; tags.advance()) {
                if (tags.get(0) == id) {
                    out.addTag(out.tags.code(tags.get(1), tagName));
                }
            }
            for (; events.hasRow() && events.get(0) <= id; events.advance()) {
                if (events.get(0) == id) {
                    int code = out.events.code(events.get(1), ENGAGEMENT);
                    long when = events.get(2);
                    out.addEvent(code, BinaryCopyReader.epochSecond(when), BinaryCopyReader.nano(when));
                }
            }
        }
        out.flush();
        // Reading the side streams to their end lets their readers finish before the snapshot's transaction does.
        drain(tags);
        drain(events);
    }

    private static void drain(SideRows rows) {
        while (rows.hasRow()) {
            rows.advance();
        }
    }

    /** Custom values by field type: String (text, select), BigDecimal, LocalDate or Boolean. */
    private static Function<String, Object> parser(CustomFieldDefinition field) {
        return switch (field.type()) {
            case NUMBER -> BigDecimal::new;
            case DATE -> LocalDate::parse;
            case BOOLEAN -> Boolean::valueOf;
            default -> raw -> raw;
        };
    }
}
