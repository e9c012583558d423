package com.asan.audience.segment;

import com.asan.audience.lead.LeadFacade;
import com.asan.audience.audit.AuditLog;
import com.asan.audience.criteria.CriteriaParser;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import com.asan.audience.criteria.InvalidCriteriaException;
import com.asan.audience.countindex.CountIndex;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.lead.LeadScope;
import com.asan.audience.lead.LeadView;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import com.asan.audience.shared.TextLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved segments and their evaluation: counts, previews, members and the segments of a lead. */
@Service
public class SegmentFacade {


    private final SegmentRepository segments;
    private final CriteriaJson json;
    private final LeadQueries leads;
    private final CountIndex counts;
    private final ParsedSegments parsedSegments;

    private final AuditLog audit;

    private final LeadFacade leadFacade;

    SegmentFacade(SegmentRepository segments, CriteriaJson json, LeadQueries leads, CountIndex counts, ParsedSegments parsedSegments, AuditLog audit, LeadFacade leadFacade) {
        this.leadFacade = leadFacade;
        this.audit = audit;
        this.parsedSegments = parsedSegments;
        this.counts = counts;
        this.segments = segments;
        this.json = json;
        this.leads = leads;
    }

    /** A saved segment with its parsed criteria. */
    public record Definition(long id, String name, String description, Group criteria, Long createdBy) {
    }

    @Transactional
    public SegmentView create(TenantPrincipal caller, SegmentDraft draft) {
        long accountId = caller.accountId();
        SegmentDraft.Checked checked = draft.check(criteria -> parse(accountId, criteria));
        rejectNameClash(accountId, checked.name(), null);
        long id = insert(caller, checked.name(), checked.description(),
                json.write(CriteriaParser.toJson(checked.criteria())));
        audit.record(caller, "segment.created", id, "Created segment " + checked.name(), null,
                Map.of("name", checked.name()));
        return get(caller, id);
    }

    /** Its creator may replace it; others need {@link Permission#SEGMENTS_MANAGE_ANY}. */
    @Transactional
    public SegmentView replace(TenantPrincipal caller, long id, SegmentDraft draft) {
        long accountId = caller.accountId();
        SegmentRepository.StoredSegment before = stored(accountId, id);
        caller.requireOwnOr(before.createdBy(), Permission.SEGMENTS_MANAGE_ANY);
        SegmentDraft.Checked checked = draft.check(criteria -> parse(accountId, criteria));
        rejectNameClash(accountId, checked.name(), id);
        try {
            segments.update(accountId, id, checked.name(), checked.description(),
                    json.write(CriteriaParser.toJson(checked.criteria())));
        } catch (DuplicateKeyException e) {
            throw nameClash();
        }
        audit.record(caller, "segment.changed", id, "Changed segment " + checked.name(),
                Map.of("name", before.name(), "criteria", before.criteria().data()),
                Map.of("name", checked.name(), "criteria", json.write(CriteriaParser.toJson(checked.criteria())).data()));
        return get(caller, id);
    }

    /** The segment to export as CSV, for callers allowed to export its members. */
    @Transactional(readOnly = true)
    public Definition exportable(TenantPrincipal caller, long id) {
        caller.require(Permission.SEGMENTS_EXPORT);
        return definition(caller.accountId(), id);
    }

    /** Deletes the segment, never its leads. Its creator may; others need {@link Permission#SEGMENTS_MANAGE_ANY}. */
    @Transactional
    public void delete(TenantPrincipal caller, long id) {
        long accountId = caller.accountId();
        SegmentRepository.StoredSegment before = stored(accountId, id);
        caller.requireOwnOr(before.createdBy(), Permission.SEGMENTS_MANAGE_ANY);
        if (!segments.delete(accountId, id)) {
            throw new NotFoundException("Segment");
        }
        audit.record(caller, "segment.deleted", id, "Deleted segment " + before.name(), Map.of("name", before.name()),
                null);
    }

    /** A copy named "(copy)", "(copy 2)", …; the caller becomes its creator. */
    @Transactional
    public SegmentView duplicate(TenantPrincipal caller, long id) {
        long accountId = caller.accountId();
        SegmentRepository.StoredSegment original = stored(accountId, id);
        String name = original.name() + " (copy)";
        for (int n = 2; segments.idByName(accountId, name).isPresent(); n++) {
            name = original.name() + " (copy " + n + ")";
        }
        long copy = insert(caller, name, original.description(), original.criteria());
        audit.record(caller, "segment.created", copy, "Duplicated segment " + original.name(), null,
                Map.of("name", name, "copyOf", id));
        return get(caller, copy);
    }

    private long insert(TenantPrincipal caller, String name, String description, org.jooq.JSONB criteria) {
        long id;
        try {
            id = segments.insert(caller.accountId(), name, description, criteria,
                    caller.memberId() == 0 ? null : caller.memberId());
        } catch (DuplicateKeyException e) {
            throw nameClash(); // a concurrent save took the name between the check and the insert
        }
        return id;
    }

    @Transactional(readOnly = true)
    public SegmentView get(TenantPrincipal caller, long id) {
        long accountId = caller.accountId();
        SegmentRepository.StoredSegment stored = stored(accountId, id);
        EvaluationContext context = leads.contextNow(accountId);
        Group criteria = parseStored(accountId, stored);
        return view(stored, criteria, counts.count(accountId, leadFacade.scope(caller).apply(criteria), context));
    }

    /** A saved segment's criteria, parsed and as canonical JSON, without counting its members. */
    public record SavedCriteria(long id, String name, java.util.Map<String, Object> json, Group criteria) {
    }

    @Transactional(readOnly = true)
    public SavedCriteria savedCriteria(long accountId, long id) {
        SegmentRepository.StoredSegment stored = stored(accountId, id);
        Group criteria = parseStored(accountId, stored);
        return new SavedCriteria(id, stored.name(), CriteriaParser.toJson(criteria), criteria);
    }

    /** Every segment with its count now. */
    @Transactional(readOnly = true)
    public List<SegmentView> list(TenantPrincipal caller) {
        long accountId = caller.accountId();
        LeadScope scope = leadFacade.scope(caller);
        EvaluationContext context = leads.contextNow(accountId);
        CriteriaParser parser = leads.parser(accountId);
        List<SegmentRepository.StoredSegment> stored = segments.all(accountId);
        List<ParsedSegments.Parsed> parsed = stored.stream().map(s -> parsedSegments.parse(accountId, s, parser))
                .toList();
        List<Long> current = counts.countEach(accountId, parsed.stream().map(p -> scope.apply(p.criteria())).toList(),
                context);
        List<SegmentView> views = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            SegmentRepository.StoredSegment segment = stored.get(i);
            views.add(new SegmentView(segment.id(), segment.name(), segment.description(), parsed.get(i).json(),
                    current.get(i), segment.createdAt(), segment.updatedAt(), segment.createdBy()));
        }
        return views;
    }

    @Transactional(readOnly = true)
    public List<Definition> definitions(long accountId) {
        CriteriaParser parser = leads.parser(accountId);
        return segments.all(accountId).stream().map(stored -> new Definition(stored.id(), stored.name(),
                stored.description(), parsedSegments.parse(accountId, stored, parser).criteria(), stored.createdBy()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Definition definition(long accountId, long id) {
        SegmentRepository.StoredSegment stored = stored(accountId, id);
        return new Definition(id, stored.name(), stored.description(), parseStored(accountId, stored),
                stored.createdBy());
    }

    @Transactional(readOnly = true)
    public List<SegmentSummary> segmentsOf(TenantPrincipal caller, long leadId) {
        long accountId = caller.accountId();
        leadFacade.get(caller, leadId); // 404 for a lead the caller may not see
        List<Definition> all = definitions(accountId);
        List<Boolean> meets = leads.meets(accountId, leadId, all.stream().map(Definition::criteria).toList(),
                leads.contextNow(accountId));
        List<SegmentSummary> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (meets.get(i)) {
                result.add(new SegmentSummary(all.get(i).id(), all.get(i).name()));
            }
        }
        return result;
    }

    /** Parses criteria for this account, reporting violations under the {@code criteria} path. */
    @Transactional(readOnly = true)
    public Group parse(long accountId, Object criteria) {
        if (criteria == null) {
            throw new InvalidInputException("criteria", "is required");
        }
        try {
            return leads.parser(accountId).parse(criteria, "criteria");
        } catch (InvalidCriteriaException e) {
            throw new InvalidInputException(e.violations().stream()
                    .map(v -> new FieldViolation(v.path(), v.message())).toList());
        }
    }

    private void rejectNameClash(long accountId, String name, Long self) {
        segments.idByName(accountId, name).filter(existing -> !existing.equals(self)).ifPresent(existing -> {
            throw nameClash();
        });
    }

    private static ConflictException nameClash() {
        return new ConflictException("name", "A segment with this name already exists");
    }

    SegmentRepository.StoredSegment stored(long accountId, long id) {
        return segments.find(accountId, id).orElseThrow(() -> new NotFoundException("Segment"));
    }

    Group parseStored(long accountId, SegmentRepository.StoredSegment stored) {
        return parsedSegments.parse(accountId, stored, leads.parser(accountId)).criteria();
    }

    /** Criteria are shown in their canonical key order (jsonb storage does not keep the order they were sent in). */
    private static SegmentView view(SegmentRepository.StoredSegment stored, Group criteria, long count) {
        return new SegmentView(stored.id(), stored.name(), stored.description(), CriteriaParser.toJson(criteria), count,
                stored.createdAt(), stored.updatedAt(), stored.createdBy());
    }
}
