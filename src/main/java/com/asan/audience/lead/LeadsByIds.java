package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;
import static org.jooq.impl.DSL.lower;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Leads by id with their tags, and the change feed's version read in the same statement: the preview's sample (see
 * {@code SegmentFacade.preview}) and pages of segment members.
 */
final class LeadsByIds {

    private final DSLContext db;

    LeadsByIds(DSLContext db) {
        this.db = db;
    }

    /** The leads with these ids (in no particular order) and the account's change-feed version, in one statement. */
    LeadRepository.LeadsAtVersion fetch(long accountId, Collection<Long> ids,
                                        BiFunction<Record, Field<String[]>, LeadView> toView) {
        Long[] idArray = ids.toArray(Long[]::new);
        Statement rendered = statement();
        Object[] binds = rendered.bindKinds().stream().map(kind -> kind == Long[].class ? idArray : accountId)
                .toArray();
        List<LeadView> found = new ArrayList<>(ids.size());
        long version = 0;
        for (Record r : db.resultQuery(rendered.sql(), binds).coerce(rendered.columns()).fetch()) {
            version = r.get(rendered.feedVersion());
            if (r.get(ID) != null) {
                found.add(toView.apply(r, rendered.tagNames()));
            }
        }
        return new LeadRepository.LeadsAtVersion(found, version);
    }

    /**
     * The preview runs this statement on every edit of the conditions, and rendering jOOQ's query tree cost
     * about as much as PostgreSQL running it, so it is rendered once; {@code bindKinds} gives the order of its
     * values (the account id, or the id array). One array parameter and no limit, so PostgreSQL keeps one generic
     * plan for any number of ids. The tags of all the leads are aggregated in one grouped join
     * (0.17–0.2 ms in PostgreSQL against 0.34–0.44 ms for a subquery per lead).
     */
    private record Statement(String sql, List<Class<?>> bindKinds, List<Field<?>> columns,
                             Field<String[]> tagNames, Field<Long> feedVersion) {
    }

    private volatile Statement statement;

    private Statement statement() {
        Statement rendered = statement;
        if (rendered == null) {
            Field<Long> account = DSL.val(0L);
            Field<Long[]> ids = DSL.val(new Long[0]);
            Table<?> feed = DSL.select(DSL.coalesce(DSL.field(DSL.select(LeadChangeFeed.VERSION)
                    .from(LeadChangeFeed.VERSIONS).where(LeadChangeFeed.ACCOUNT_ID.eq(account))), DSL.inline(0L))
                    .as("feed_version")).asTable("feed");
            Table<?> tagged = DSL.select(LT_LEAD_ID.as("tagged_lead_id"),
                            DSL.arrayAgg(TAG_NAME).orderBy(lower(TAG_NAME)).as("tag_names"))
                    .from(LEAD_TAGS).join(TAGS).on(TAG_ACCOUNT_ID.eq(LT_ACCOUNT_ID), TAG_ID.eq(LT_TAG_ID))
                    .where(LT_ACCOUNT_ID.eq(account), LT_LEAD_ID.eq(DSL.any(ids)))
                    .groupBy(LT_LEAD_ID).asTable("tagged");
            Field<Long> feedVersion = feed.field("feed_version", Long.class);
            Field<String[]> tagNames = tagged.field("tag_names", String[].class);
            List<Field<?>> columns = new ArrayList<>(LeadRepository.LEAD_ROW);
            columns.set(columns.indexOf(LeadRepository.TAG_NAMES), tagNames);
            columns.add(feedVersion);
            var query = db.select(columns).from(feed)
                    .leftJoin(LEADS).on(ACCOUNT_ID.eq(account), ID.eq(DSL.any(ids)))
                    .leftJoin(tagged).on(tagged.field("tagged_lead_id", Long.class).eq(ID));
            List<Class<?>> kinds = db.extractBindValues(query).stream()
                    .<Class<?>>map(value -> value instanceof Long[] ? Long[].class : Long.class).toList();
            rendered = new Statement(db.render(query), kinds, List.copyOf(columns), tagNames, feedVersion);
            statement = rendered;
        }
        return rendered;
    }

}
