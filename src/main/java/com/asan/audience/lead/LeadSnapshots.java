package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;

import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.criteria.TextNormalizer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
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
    private final CustomValuesJson json;

    LeadSnapshots(DSLContext db, CustomFieldRepository customFields, CustomValuesJson json) {
        this.db = db;
        this.customFields = customFields;
        this.json = json;
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

    private void stream(long accountId, Condition filter, Consumer<LeadFacts> sink) {
        Map<String, CustomFieldDefinition> fields = new HashMap<>();
        customFields.all(accountId).forEach(field -> fields.put(field.key(), field));
        try (Cursor<Record> leads = db.select(LEADS.fields()).from(LEADS).where(ACCOUNT_ID.eq(accountId)).and(filter)
                .orderBy(ID).fetchSize(FETCH_SIZE).fetchLazy();
             Cursor<? extends Record> tags = db.select(LT_LEAD_ID, TAG_NAME).from(LEAD_TAGS)
                     .join(TAGS).on(TAG_ACCOUNT_ID.eq(LT_ACCOUNT_ID), TAG_ID.eq(LT_TAG_ID))
                     .where(LT_ACCOUNT_ID.eq(accountId)).and(filter == DSL.noCondition() ? DSL.noCondition()
                             : LT_LEAD_ID.in(DSL.select(ID).from(LEADS).where(ACCOUNT_ID.eq(accountId)).and(filter)))
                     .orderBy(LT_LEAD_ID).fetchSize(FETCH_SIZE).fetchLazy();
             Cursor<? extends Record> events = db.select(EV_LEAD_ID, EV_CAMPAIGN_ID, EV_TYPE, DSL.max(EV_OCCURRED_AT))
                     .from(EMAIL_EVENTS)
                     .where(EV_ACCOUNT_ID.eq(accountId), EV_TYPE.in("opened", "clicked"))
                     .and(filter == DSL.noCondition() ? DSL.noCondition()
                             : EV_LEAD_ID.in(DSL.select(ID).from(LEADS).where(ACCOUNT_ID.eq(accountId)).and(filter)))
                     .groupBy(EV_LEAD_ID, EV_CAMPAIGN_ID, EV_TYPE).orderBy(EV_LEAD_ID)
                     .fetchSize(FETCH_SIZE).fetchLazy()) {
            Peeking tagRows = new Peeking(tags.iterator());
            Peeking eventRows = new Peeking(events.iterator());
            for (Record lead : leads) {
                long id = lead.get(ID);
                Set<String> leadTags = new HashSet<>();
                while (tagRows.peekLead(LT_LEAD_ID) != null && tagRows.peekLead(LT_LEAD_ID) <= id) {
                    Record tag = tagRows.next();
                    if (tag.get(LT_LEAD_ID) == id) {
                        leadTags.add(TextNormalizer.fold(tag.get(TAG_NAME)));
                    }
                }
                List<LeadFacts.EngagementEvent> leadEvents = new ArrayList<>();
                while (eventRows.peekLead(EV_LEAD_ID) != null && eventRows.peekLead(EV_LEAD_ID) <= id) {
                    Record event = eventRows.next();
                    if (event.get(EV_LEAD_ID) == id) {
                        leadEvents.add(new LeadFacts.EngagementEvent(event.get(EV_CAMPAIGN_ID), event.get(EV_TYPE),
                                event.get(3, OffsetDateTime.class).toInstant()));
                    }
                }
                sink.accept(toFacts(lead, leadTags, leadEvents, fields));
            }
        }
    }

    private LeadFacts toFacts(Record r, Set<String> tags, List<LeadFacts.EngagementEvent> events,
                              Map<String, CustomFieldDefinition> fields) {
        Map<String, Object> custom = new HashMap<>();
        json.read(r.get(CUSTOM_FIELDS)).forEach((key, value) -> {
            CustomFieldDefinition field = fields.get(key);
            if (field != null && value != null) {
                custom.put(key, switch (field.type()) {
                    case NUMBER -> new BigDecimal(value.toString());
                    case DATE -> LocalDate.parse(value.toString());
                    case BOOLEAN -> value;
                    default -> value.toString();
                });
            }
        });
        OffsetDateTime lastActive = r.get(LAST_ACTIVE_AT);
        return new LeadFacts(r.get(ID), r.get(FIRST_NAME), r.get(LAST_NAME), r.get(EMAIL), r.get(PHONE),
                r.get(PHONE_TYPE), r.get(STATUS), r.get(SOURCE), tags, r.get(ASSIGNED_TO),
                r.get(CREATED_AT).toInstant(), lastActive == null ? null : lastActive.toInstant(), custom, events);
    }

    /** An iterator over rows ordered by lead id that can look at the next row's lead id. */
    private static final class Peeking {
        private final Iterator<? extends Record> rows;
        private Record next;

        Peeking(Iterator<? extends Record> rows) {
            this.rows = rows;
            this.next = rows.hasNext() ? rows.next() : null;
        }

        Long peekLead(org.jooq.Field<Long> leadId) {
            return next == null ? null : next.get(leadId);
        }

        Record next() {
            Record current = next;
            next = rows.hasNext() ? rows.next() : null;
            return current;
        }
    }
}
