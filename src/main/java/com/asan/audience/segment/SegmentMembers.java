package com.asan.audience.segment;

import com.asan.audience.countindex.CountIndex;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import com.asan.audience.lead.LeadFacade;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.lead.LeadView;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.TenantPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a segment, or in conditions being edited: the live preview, member pages and breakdowns. Each is limited
 * to the leads the caller may see ({@link com.asan.audience.lead.LeadScope}) and exact over them.
 */
@Service
public class SegmentMembers {

    public static final int SAMPLE_SIZE = 10;

    public record Preview(long count, List<LeadView> sample) {
    }

    private final SegmentFacade segments;
    private final LeadFacade leadFacade;
    private final LeadQueries leads;
    private final CountIndex counts;

    SegmentMembers(SegmentFacade segments, LeadFacade leadFacade, LeadQueries leads, CountIndex counts) {
        this.segments = segments;
        this.leadFacade = leadFacade;
        this.leads = leads;
        this.counts = counts;
    }

    /**
     * Count and newest sample while conditions are edited. No transaction: each step is one statement (a READ
     * COMMITTED transaction would see no more consistently) and the COMMIT would be one more round trip.
     */
    public Preview preview(TenantPrincipal caller, Object criteria) {
        long accountId = caller.accountId();
        Group group = leadFacade.scope(caller).apply(segments.parse(accountId, criteria));
        EvaluationContext context = leads.contextNow(accountId);
        CountIndex.IdPage loaded = counts.newestPageAsLoaded(accountId, group, context, 0, SAMPLE_SIZE);
        if (loaded != null) {
            // the sample's statement also reads the change feed: if nothing committed since the index's version,
            // the index's answer is current and the separate version check is not needed
            LeadQueries.LeadsAtVersion sample = leads.byIdsWithFeedVersion(accountId, loaded.ids());
            if (sample.feedVersion() == loaded.version()) {
                return new Preview(loaded.total(), sample.leads());
            }
        }
        CountIndex.IdPage newest = counts.newestPage(accountId, group, context, 0, SAMPLE_SIZE);
        if (newest == null) {
            PageResult<LeadView> page = leads.members(accountId, group, context, new PageRequest(0, SAMPLE_SIZE),
                    LeadQueries.MemberOrder.NEWEST);
            return new Preview(page.total(), page.items());
        }
        return new Preview(newest.total(), leads.byIds(accountId, newest.ids()));
    }

    /** The members counted by one attribute: bitmap intersections when the index can answer, SQL otherwise. */
    @Transactional(readOnly = true)
    public Map<String, Long> breakdown(TenantPrincipal caller, long id, LeadQueries.Breakdown by) {
        long accountId = caller.accountId();
        Group group = leadFacade.scope(caller).apply(segments.parseStored(accountId, segments.stored(accountId, id)));
        EvaluationContext context = leads.contextNow(accountId);
        Map<String, Long> indexed = counts.breakdown(accountId, group, context, CountIndex.Breakdown.valueOf(by.name()));
        return indexed != null ? indexed : leads.breakdown(accountId, group, context, by);
    }

    /** Current members; newest first comes from the count index when it can answer, other orders from SQL. */
    @Transactional(readOnly = true)
    public PageResult<LeadView> members(TenantPrincipal caller, long id, PageRequest page,
                                        LeadQueries.MemberOrder order) {
        long accountId = caller.accountId();
        Group group = leadFacade.scope(caller).apply(segments.parseStored(accountId, segments.stored(accountId, id)));
        EvaluationContext context = leads.contextNow(accountId);
        if (order == LeadQueries.MemberOrder.NEWEST) {
            CountIndex.IdPage ids = counts.newestPage(accountId, group, context, page.offset(), page.size());
            if (ids != null) {
                return new PageResult<>(leads.byIds(accountId, ids.ids()), ids.total(), page.page(), page.size());
            }
        }
        return leads.members(accountId, group, context, page, order);
    }
}
