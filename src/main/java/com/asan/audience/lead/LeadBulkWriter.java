package com.asan.audience.lead;

import static com.asan.audience.lead.LeadDraft.Attribute.*;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.account.TeamMember;
import com.asan.audience.shared.FieldViolation;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes many leads in one transaction with a handful of statements: the path for CSV imports and form
 * submissions. A bad row is reported, never thrown; duplicates (same email, or same phone when there is no email)
 * follow the {@link DuplicatePolicy}.
 */
@Service
public class LeadBulkWriter {

    private final LeadFacade facade;
    private final LeadRepository leads;
    private final TagRepository tags;
    private final LeadChangeFeed changes;
    private final AccountFacade accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PlannerStatistics statistics;

    LeadBulkWriter(LeadFacade facade, LeadRepository leads, TagRepository tags, LeadChangeFeed changes,
                   AccountFacade accounts, ApplicationEventPublisher events, Clock clock,
                   PlannerStatistics statistics) {
        this.facade = facade;
        this.leads = leads;
        this.tags = tags;
        this.changes = changes;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.statistics = statistics;
    }

    private record Pending(long row, LeadDraft draft, LeadView lead) {
        String key() {
            if (lead.email() != null) {
                return "e:" + lead.email().toLowerCase(Locale.ROOT);
            }
            return lead.phone() == null ? null : "p:" + lead.phone();
        }
    }

    @Transactional
    public List<RowOutcome> write(long accountId, List<IncomingLead> rows, DuplicatePolicy policy, String source) {
        LeadDraftReader reader = facade.reader(accountId);
        Set<Long> members = accounts.members(accountId).stream().map(TeamMember::id).collect(Collectors.toSet());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        Map<Long, RowOutcome> outcomes = new LinkedHashMap<>();
        List<Pending> remaining = new ArrayList<>();
        for (IncomingLead row : rows) {
            List<FieldViolation> violations = new ArrayList<>();
            LeadDraft draft = reader.read(row.json(), "", violations);
            if (draft.assignedTo != null && !members.contains(draft.assignedTo)) {
                violations.add(new FieldViolation("assignedTo", "is not a team member of this account"));
            }
            outcomes.put(row.rowNumber(), null);
            if (violations.isEmpty()) {
                remaining.add(new Pending(row.rowNumber(), draft, newLead(draft, source, now)));
            } else {
                outcomes.put(row.rowNumber(), RowOutcome.failed(row.rowNumber(), violations));
            }
        }
        Map<Long, List<String>> tagsToAdd = new HashMap<>();
        while (!remaining.isEmpty()) {
            remaining = writePass(accountId, remaining, policy, now, outcomes, tagsToAdd);
        }
        tags.addLeadTags(accountId, tagsToAdd);
        List<Long> written = outcomes.values().stream().filter(o -> o.leadId() != null && o.kind() != RowOutcome.Kind.SKIPPED)
                .map(RowOutcome::leadId).toList();
        if (!written.isEmpty()) {
            changes.leadsChanged(accountId, written);
            long created = outcomes.values().stream().filter(o -> o.kind() == RowOutcome.Kind.CREATED).count();
            events.publishEvent(new LeadsImported(accountId, (int) created, (int) (written.size() - created)));
        }
        return new ArrayList<>(outcomes.values());
    }

    /** Writes rows whose keys are distinct; returns the rows to retry (a repeated key, or lost a race on insert). */
    private List<Pending> writePass(long accountId, List<Pending> pendingRows, DuplicatePolicy policy, OffsetDateTime now,
                                    Map<Long, RowOutcome> outcomes, Map<Long, List<String>> tagsToAdd) {
        List<Pending> pass = new ArrayList<>();
        List<Pending> later = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Pending pending : pendingRows) {
            String key = pending.key();
            (key == null || keys.add(key) ? pass : later).add(pending);
        }
        Map<String, LeadView> byEmail = leads.findByEmails(accountId, pass.stream()
                .map(p -> p.lead().email()).filter(e -> e != null).map(e -> e.toLowerCase(Locale.ROOT)).toList());
        Map<String, LeadView> byPhone = leads.findByPhones(accountId, pass.stream()
                .filter(p -> p.lead().email() == null).map(p -> p.lead().phone()).filter(p -> p != null).toList());
        List<Pending> inserts = new ArrayList<>();
        for (Pending pending : pass) {
            LeadView existing = pending.lead().email() != null
                    ? byEmail.get(pending.lead().email().toLowerCase(Locale.ROOT))
                    : pending.lead().phone() == null ? null : byPhone.get(pending.lead().phone());
            if (existing == null) {
                inserts.add(pending);
            } else if (policy == DuplicatePolicy.SKIP) {
                outcomes.put(pending.row(), RowOutcome.skipped(pending.row(), existing.id(),
                        "duplicate of lead " + existing.id() + " (same " + (pending.lead().email() != null ? "email" : "phone") + ")"));
            } else {
                LeadView merged = policy == DuplicatePolicy.UPDATE ? overwrite(existing, pending.draft(), now)
                        : fillEmpty(existing, pending.draft(), now);
                leads.update(accountId, merged);
                outcomes.put(pending.row(), RowOutcome.updated(pending.row(), existing.id()));
                addTags(tagsToAdd, existing.id(), pending.draft());
            }
        }
        List<Long> ids = leads.allocateIds(inserts.size());
        List<LeadView> rows = new ArrayList<>(inserts.size());
        for (int i = 0; i < inserts.size(); i++) {
            rows.add(withId(inserts.get(i).lead(), ids.get(i)));
        }
        Set<Long> inserted = leads.insertAll(accountId, rows);
        statistics.leadsInserted(inserted.size());
        for (int i = 0; i < inserts.size(); i++) {
            Pending pending = inserts.get(i);
            long id = ids.get(i);
            if (inserted.contains(id)) {
                outcomes.put(pending.row(), RowOutcome.created(pending.row(), id));
                addTags(tagsToAdd, id, pending.draft());
            } else {
                later.add(pending);
            }
        }
        return later;
    }

    private static void addTags(Map<Long, List<String>> tagsToAdd, long leadId, LeadDraft draft) {
        if (!draft.tags.isEmpty()) {
            tagsToAdd.computeIfAbsent(leadId, id -> new ArrayList<>()).addAll(draft.tags);
        }
    }

    private static LeadView newLead(LeadDraft draft, String source, OffsetDateTime now) {
        LeadView lead = new LeadView(0, draft.firstName, draft.lastName, draft.email, draft.phone, null,
                draft.has(STATUS) ? draft.status : "New", draft.has(SOURCE) ? draft.source : source, draft.tags,
                draft.assignedTo, LeadValues.withoutNulls(draft.customFields),
                draft.createdAt == null ? now : draft.createdAt, draft.lastActiveAt,
                draft.has(EMAIL_STATUS) ? draft.emailStatus : "subscribed", now);
        return LeadValues.withPhoneType(lead, draft.has(PHONE_TYPE) ? draft.phoneType : null);
    }

    private static LeadView overwrite(LeadView current, LeadDraft draft, OffsetDateTime now) {
        Map<String, Object> custom = new LinkedHashMap<>(current.customFields());
        custom.putAll(LeadValues.withoutNulls(draft.customFields));
        boolean newPhone = draft.phone != null;
        LeadView lead = new LeadView(current.id(), pick(draft.firstName, current.firstName()),
                pick(draft.lastName, current.lastName()), pick(draft.email, current.email()),
                pick(draft.phone, current.phone()), null, pick(draft.status, current.status()), current.source(),
                current.tags(), pick(draft.assignedTo, current.assignedTo()), custom,
                pick(draft.createdAt, current.createdAt()), pick(draft.lastActiveAt, current.lastActiveAt()),
                pick(draft.emailStatus, current.emailStatus()), now);
        String type = draft.phoneType != null ? draft.phoneType : newPhone ? null : current.phoneType();
        return LeadValues.withPhoneType(lead, type);
    }

    private static LeadView fillEmpty(LeadView current, LeadDraft draft, OffsetDateTime now) {
        Map<String, Object> custom = new LinkedHashMap<>(LeadValues.withoutNulls(draft.customFields));
        custom.putAll(current.customFields());
        LeadView lead = new LeadView(current.id(), pick(current.firstName(), draft.firstName),
                pick(current.lastName(), draft.lastName), current.email(), pick(current.phone(), draft.phone), null,
                current.status(), current.source(), current.tags(), pick(current.assignedTo(), draft.assignedTo),
                custom, current.createdAt(), now, current.emailStatus(), now);
        String type = current.phoneType() != null ? current.phoneType() : draft.phoneType;
        return LeadValues.withPhoneType(lead, type);
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static LeadView withId(LeadView lead, long id) {
        return new LeadView(id, lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.phoneType(),
                lead.status(), lead.source(), lead.tags(), lead.assignedTo(), lead.customFields(), lead.createdAt(),
                lead.lastActiveAt(), lead.emailStatus(), lead.updatedAt());
    }
}
