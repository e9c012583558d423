package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;

import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.criteria.TextNormalizer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consistent reads of an account's leads for in-memory indexes: a full load, or the leads changed since a
 * version of the change feed. Each read is one REPEATABLE READ snapshot, so the returned version and rows agree.
 * Tags come folded; engagement comes as the latest opened/clicked time per campaign.
 */
@Service
public class LeadSnapshots {

    private static final int FETCH_SIZE = 20_000;

    private final DSLContext db;
    private final CustomFieldRepository customFields;

    LeadSnapshots(DSLContext db, CustomFieldRepository customFields) {
        this.db = db;
        this.customFields = customFields;
    }

    /** The latest committed version of the account's change feed (0 before any change). One indexed lookup. */
    public long version(long accountId) {
        Long version = db.select(LeadChangeFeed.VERSION).from(LeadChangeFeed.VERSIONS)
                .where(LeadChangeFeed.ACCOUNT_ID.eq(accountId)).fetchOne(LeadChangeFeed.VERSION);
        return version == null ? 0 : version;
    }

    /** Streams every lead of the account in id order; returns the version the stream reflects. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
    public long loadAll(long accountId, Consumer<LeadFacts> sink) {
        long version = version(accountId);
        stream(accountId, DSL.noCondition(), sink);
        return version;
    }

    /** What changed after {@code fromVersion}, as one snapshot. */
    static final int MAX_CHANGED_LEADS = 50_000;

    public record Changes(long version, boolean wholeAccount, Set<Long> changedIds, List<LeadFacts> current) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
    public Changes changesSince(long accountId, long fromVersion) {
        long version = version(accountId);
        Set<Long> ids = new TreeSet<>();
        boolean wholeAccount = false;
        for (Record r : db.select(LeadChangeFeed.LEAD_ID, LeadChangeFeed.LEAD_IDS).from(LeadChangeFeed.CHANGES)
                .where(LeadChangeFeed.ACCOUNT_ID.eq(accountId), LeadChangeFeed.VERSION.gt(fromVersion),
                        LeadChangeFeed.VERSION.le(version)).fetch()) {
            Long id = r.get(LeadChangeFeed.LEAD_ID);
            Long[] batch = r.get(LeadChangeFeed.LEAD_IDS);
            if (batch != null) {
                ids.addAll(Arrays.asList(batch));
            } else if (id == null) {
                wholeAccount = true;
            } else {
                ids.add(id);
            }
        }
        // Past this many changed leads (a large import), reloading them one by one costs more than a rebuild.
        if (ids.size() > MAX_CHANGED_LEADS) {
            wholeAccount = true;
        }
        List<LeadFacts> current = new ArrayList<>();
        if (!wholeAccount && !ids.isEmpty()) {
            stream(accountId, ID.eq(DSL.any(ids.toArray(Long[]::new))), current::add);
        }
        return new Changes(version, wholeAccount, ids, current);
    }

    /**
     * Three ordered cursors merged by lead id: leads, tag links and the latest engagement per campaign and type.
     * Read as plain result sets by column position, with times as epoch microseconds and each custom field as
     * its own column: on a million leads this is several times faster than mapping records by field.
     */
    private void stream(long accountId, Condition filter, Consumer<LeadFacts> sink) {
        List<CustomFieldDefinition> fields = customFields.all(accountId);
        Map<Long, String> tagNames = new HashMap<>();
        db.select(TAG_ID, TAG_NAME).from(TAGS).where(TAG_ACCOUNT_ID.eq(accountId))
                .forEach(r -> tagNames.put(r.value1(), TextNormalizer.fold(r.value2())));
        Condition leadFilter = filter == DSL.noCondition() ? DSL.noCondition()
                : DSL.field(DSL.name("lead_id"), Long.class).in(DSL.select(ID).from(LEADS)
                        .where(ACCOUNT_ID.eq(accountId)).and(filter));
        List<org.jooq.SelectField<?>> columns = new ArrayList<>(List.of(ID, FIRST_NAME, LAST_NAME, EMAIL, PHONE,
                PHONE_TYPE, STATUS, SOURCE, ASSIGNED_TO, epochMicros(CREATED_AT), epochMicros(LAST_ACTIVE_AT)));
        fields.forEach(field -> columns.add(DSL.field("{0} ->> {1}", String.class, CUSTOM_FIELDS,
                DSL.inline(field.key()))));
        var tagTable = DSL.table(DSL.name("lead_tags"));
        var eventTable = DSL.table(DSL.name("email_events"));
        var leadId = DSL.field(DSL.name("lead_id"), Long.class);
        try (ResultSet leads = db.select(columns).from(LEADS).where(ACCOUNT_ID.eq(accountId)).and(filter)
                .orderBy(ID).fetchSize(FETCH_SIZE).fetchResultSet();
             ResultSet tags = db.select(leadId, DSL.field(DSL.name("tag_id"), Long.class)).from(tagTable)
                     .where(DSL.field(DSL.name("account_id"), Long.class).eq(accountId)).and(leadFilter)
                     .orderBy(leadId).fetchSize(FETCH_SIZE).fetchResultSet();
             ResultSet events = db.select(leadId, DSL.field(DSL.name("campaign_id"), Long.class),
                             DSL.field(DSL.name("type"), String.class),
                             epochMicros(DSL.max(DSL.field(DSL.name("occurred_at"), java.time.OffsetDateTime.class))))
                     .from(eventTable)
                     .where(DSL.field(DSL.name("account_id"), Long.class).eq(accountId),
                             DSL.field(DSL.name("type"), String.class).in("opened", "clicked")).and(leadFilter)
                     .groupBy(leadId, DSL.field(DSL.name("campaign_id")), DSL.field(DSL.name("type")))
                     .orderBy(leadId).fetchSize(FETCH_SIZE).fetchResultSet()) {
            boolean moreTags = tags.next();
            boolean moreEvents = events.next();
            CustomValueParser parser = new CustomValueParser(fields);
            while (leads.next()) {
                long id = leads.getLong(1);
                Set<String> leadTags = new HashSet<>(4);
                while (moreTags && tags.getLong(1) <= id) {
                    if (tags.getLong(1) == id) {
                        String name = tagNames.get(tags.getLong(2));
                        if (name != null) {
                            leadTags.add(name);
                        }
                    }
                    moreTags = tags.next();
                }
                List<LeadFacts.EngagementEvent> leadEvents = new ArrayList<>(2);
                while (moreEvents && events.getLong(1) <= id) {
                    if (events.getLong(1) == id) {
                        leadEvents.add(new LeadFacts.EngagementEvent(events.getLong(2), events.getString(3),
                                instant(events.getLong(4))));
                    }
                    moreEvents = events.next();
                }
                Map<String, Object> custom = new HashMap<>();
                for (int f = 0; f < fields.size(); f++) {
                    String raw = leads.getString(12 + f);
                    if (raw != null) {
                        custom.put(fields.get(f).key(), parser.parse(f, raw));
                    }
                }
                long assigned = leads.getLong(9);
                Long assignedTo = leads.wasNull() ? null : assigned;
                long lastActive = leads.getLong(11);
                Instant lastActiveAt = leads.wasNull() ? null : instant(lastActive);
                sink.accept(new LeadFacts(id, leads.getString(2), leads.getString(3), leads.getString(4),
                        leads.getString(5), leads.getString(6), leads.getString(7), leads.getString(8), leadTags,
                        assignedTo, instant(leads.getLong(10)), lastActiveAt, custom, leadEvents));
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Reading the leads of account " + accountId + " failed", e);
        }
    }

    private static org.jooq.Field<Long> epochMicros(org.jooq.Field<?> time) {
        return DSL.field("(extract(epoch from {0}) * 1000000)::int8", Long.class, time);
    }

    private static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }

    /** Parses custom values by field type, reusing the parsed value for repeated text (few distinct values). */
    private static final class CustomValueParser {
        private final List<CustomFieldDefinition> fields;
        private final List<Map<String, Object>> seen = new ArrayList<>();

        CustomValueParser(List<CustomFieldDefinition> fields) {
            this.fields = fields;
            fields.forEach(field -> seen.add(new HashMap<>()));
        }

        Object parse(int field, String raw) {
            Map<String, Object> cache = seen.get(field);
            Object value = cache.get(raw);
            if (value == null) {
                value = switch (fields.get(field).type()) {
                    case NUMBER -> new BigDecimal(raw);
                    case DATE -> LocalDate.parse(raw);
                    case BOOLEAN -> Boolean.valueOf(raw);
                    default -> raw;
                };
                if (cache.size() < 10_000) {
                    cache.put(raw, value);
                }
            }
            return value;
        }
    }
}
