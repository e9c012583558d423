package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.criteria.CriteriaParser;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evaluates criteria exactly on PostgreSQL: counts, member pages, samples, ids, and which criteria a lead meets. */
@Service
public class LeadQueries {

    private final DSLContext db;
    private final LeadRepository leads;
    private final CustomFieldFacade customFields;
    private final AccountFacade accounts;
    private final Clock clock;

    LeadQueries(DSLContext db, LeadRepository leads, CustomFieldFacade customFields, AccountFacade accounts,
                Clock clock) {
        this.db = db;
        this.leads = leads;
        this.customFields = customFields;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Reads criteria JSON against the account's current custom fields. */
    @Transactional(readOnly = true)
    public CriteriaParser parser(long accountId) {
        return CriteriaParser.lookingUpFieldsOnUse(() -> customFields.fieldsByKey(accountId));
    }

    /**
     * The context of an evaluation now: the clock, the account's time zone and its last sent campaign, the latter
     * two looked up when the criteria first need them (most criteria need neither).
     */
    public EvaluationContext contextNow(long accountId) {
        return EvaluationContext.lookingUpOnUse(clock.instant(),
                () -> ZoneId.of(accounts.settings(accountId).timeZone()),
                () -> db.select(EC_CAMPAIGN_ID).from(ENGAGEMENT_CAMPAIGNS).where(EC_ACCOUNT_ID.eq(accountId))
                        .orderBy(EC_SENT_AT.desc(), EC_CAMPAIGN_ID.desc()).limit(1).fetchOne(EC_CAMPAIGN_ID));
    }

    @Transactional(readOnly = true)
    public long count(long accountId, Group criteria, EvaluationContext context) {
        return leads.count(accountId, CriteriaSql.compile(criteria, context));
    }

    /**
     * The same count on one backend, without parallel workers: background checks run it, and on a large account
     * a parallel plan would take every core from the requests being served.
     */
    @Transactional(readOnly = true)
    public long countOnOneCore(long accountId, Group criteria, EvaluationContext context) {
        db.execute("set local max_parallel_workers_per_gather = 0");
        return leads.count(accountId, CriteriaSql.compile(criteria, context));
    }

    public enum MemberOrder { NEWEST, CREATED_DESC, CREATED_ASC, NAME_ASC, NAME_DESC, STATUS_ASC, LAST_ACTIVE_DESC }

    @Transactional(readOnly = true)
    public PageResult<LeadView> members(long accountId, Group criteria, EvaluationContext context, PageRequest page,
                                        MemberOrder order) {
        var condition = CriteriaSql.compile(criteria, context);
        List<LeadView> items = leads.page(accountId, condition, sort(order), page.offset(), page.size());
        return new PageResult<>(items, leads.count(accountId, condition), page.page(), page.size());
    }

    /** Leads by id, and the change feed's version in the same statement, so both reflect one snapshot. */
    public record LeadsAtVersion(List<LeadView> leads, long feedVersion) {
    }

    /**
     * {@link #byIds} and the account's change-feed version read by one statement: a count taken from an index at
     * that version, with these leads, is exactly what was committed when the statement ran.
     */
    public LeadsAtVersion byIdsWithFeedVersion(long accountId, List<Long> ids) {
        LeadRepository.LeadsAtVersion found = leads.byIdsWithFeedVersion(accountId, ids);
        return new LeadsAtVersion(inOrderOf(ids, found.leads()), found.feedVersion());
    }

    /**
     * The leads with these ids, in the given order (ids of other accounts or deleted leads are skipped). One
     * statement, so no transaction: a read-only one cost a COMMIT round trip.
     */
    public List<LeadView> byIds(long accountId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return inOrderOf(ids, leads.byIds(accountId, ids));
    }

    private static List<LeadView> inOrderOf(List<Long> ids, List<LeadView> found) {
        Map<Long, LeadView> byId = new java.util.HashMap<>();
        found.forEach(lead -> byId.put(lead.id(), lead));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Ids of every matching lead, ascending. */
    @Transactional(readOnly = true)
    public List<Long> matchingIds(long accountId, Group criteria, EvaluationContext context) {
        return db.select(ID).from(LEADS).where(ACCOUNT_ID.eq(accountId)).and(CriteriaSql.compile(criteria, context))
                .orderBy(ID).fetch(ID);
    }

    /**
     * Streams every lead that meets {@code include}, in id order, with the first of {@code exclusions} it meets:
     * one query, so the list reflects a single moment.
     */
    @Transactional(readOnly = true)
    public void forEachAddressee(long accountId, Group include, List<Group> exclusions, EvaluationContext context,
                                 java.util.function.Consumer<Addressee> sink) {
        List<org.jooq.Field<?>> columns = new ArrayList<>(List.of(ID, EMAIL, EMAIL_STATUS));
        for (Group exclusion : exclusions) {
            columns.add(DSL.field(CriteriaSql.compile(exclusion, context)));
        }
        try (var cursor = db.select(columns).from(LEADS).where(ACCOUNT_ID.eq(accountId))
                .and(CriteriaSql.compile(include, context)).orderBy(ID).fetchSize(5000).fetchLazy()) {
            for (Record row : cursor) {
                int excludedBy = -1;
                for (int i = 0; i < exclusions.size() && excludedBy < 0; i++) {
                    if (Boolean.TRUE.equals(row.get(3 + i, Boolean.class))) {
                        excludedBy = i;
                    }
                }
                sink.accept(new Addressee(row.get(ID), row.get(EMAIL), row.get(EMAIL_STATUS), excludedBy));
            }
        }
    }

    /** For one lead, which of the given criteria it meets now, evaluated in a single query. */
    @Transactional(readOnly = true)
    public List<Boolean> meets(long accountId, long leadId, List<Group> criteria, EvaluationContext context) {
        if (criteria.isEmpty()) {
            return List.of();
        }
        List<org.jooq.Field<Boolean>> columns = new ArrayList<>();
        for (Group group : criteria) {
            columns.add(DSL.field(CriteriaSql.compile(group, context)));
        }
        Record row = db.select(columns).from(LEADS).where(ACCOUNT_ID.eq(accountId), ID.eq(leadId)).fetchOne();
        if (row == null) {
            return criteria.stream().map(c -> false).toList();
        }
        List<Boolean> result = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            result.add(Boolean.TRUE.equals(row.get(i, Boolean.class)));
        }
        return result;
    }

    /** Counts of matching leads per value of a lead attribute, for breakdown charts. */
    @Transactional(readOnly = true)
    public Map<String, Long> breakdown(long accountId, Group criteria, EvaluationContext context, Breakdown by) {
        var condition = CriteriaSql.compile(criteria, context);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        if (by == Breakdown.TAG) {
            db.select(TAG_NAME, DSL.count()).from(LEADS)
                    .join(LEAD_TAGS).on(LT_ACCOUNT_ID.eq(ACCOUNT_ID), LT_LEAD_ID.eq(ID))
                    .join(TAGS).on(TAG_ACCOUNT_ID.eq(LT_ACCOUNT_ID), TAG_ID.eq(LT_TAG_ID))
                    .where(ACCOUNT_ID.eq(accountId)).and(condition)
                    .groupBy(TAG_NAME).orderBy(DSL.count().desc(), TAG_NAME).limit(10)
                    .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
            return counts;
        }
        org.jooq.Field<String> column = switch (by) {
            case STATUS -> STATUS;
            case SOURCE -> SOURCE;
            case PHONE_TYPE -> PHONE_TYPE;
            case AGENT -> ASSIGNED_TO.cast(String.class);
            case TAG -> throw new IllegalStateException();
        };
        db.select(column, DSL.count()).from(LEADS).where(ACCOUNT_ID.eq(accountId)).and(condition)
                .groupBy(column).orderBy(DSL.count().desc())
                .forEach(r -> counts.put(r.value1() == null ? "" : r.value1(), r.value2().longValue()));
        return counts;
    }

    public enum Breakdown { STATUS, SOURCE, TAG, AGENT, PHONE_TYPE }

    private static List<SortField<?>> sort(MemberOrder order) {
        return switch (order) {
            case NEWEST -> List.of(ID.desc());
            case CREATED_DESC -> List.of(CREATED_AT.desc());
            case CREATED_ASC -> List.of(CREATED_AT.asc());
            case NAME_ASC -> List.of(LAST_NAME.asc().nullsLast(), FIRST_NAME.asc().nullsLast());
            case NAME_DESC -> List.of(LAST_NAME.desc().nullsLast(), FIRST_NAME.desc().nullsLast());
            case STATUS_ASC -> List.of(STATUS.asc());
            case LAST_ACTIVE_DESC -> List.of(LAST_ACTIVE_AT.desc().nullsLast());
        };
    }
}
