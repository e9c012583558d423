package com.asan.audience.lead;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes many leads in one transaction with a handful of statements: the path for CSV imports and form
 * submissions. A bad row is reported, never thrown; duplicates (same email, or same phone when there is no email)
 * follow the {@link DuplicatePolicy}.
 */
@Service
public class LeadBulkWriter {

    private final LeadFacade facade;
    private final LeadRepository leads;
    private final LeadInserts leadInserts;
    private final TagRepository tags;
    private final LeadChangeFeed changes;
    private final AccountFacade accounts;
    private final Clock clock;
    private final PlannerStatistics statistics;
    private final TransactionTemplate savepoint;

    LeadBulkWriter(LeadFacade facade, LeadRepository leads, LeadInserts leadInserts, TagRepository tags,
                   LeadChangeFeed changes, AccountFacade accounts, Clock clock,
                   PlannerStatistics statistics, PlatformTransactionManager transactionManager) {
        this.facade = facade;
        this.leads = leads;
        this.leadInserts = leadInserts;
        this.tags = tags;
        this.changes = changes;
        this.accounts = accounts;
        this.clock = clock;
        this.statistics = statistics;
        this.savepoint = new TransactionTemplate(transactionManager);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    private record Pending(long row, LeadDraft draft, LeadView lead) {
        String key(DuplicatePolicy policy) {
            return policy == DuplicatePolicy.REJECT_SAME_EMAIL ? duplicateKey(lead.email(), null)
                    : duplicateKey(lead.email(), lead.phone());
        }
    }

    /**
     * Rows read and checked, ready for {@link #write(PreparedLeads, DuplicatePolicy, String)}. Reading is the costly
     * part in Java (phone numbers above all), so an import prepares the next batch while the current one is written.
     */
    public static final class PreparedLeads {
        private final long accountId;
        private final List<IncomingLead> rows;
        private final List<LeadDraft> drafts;
        private final Map<Long, RowOutcome> failures;

        private PreparedLeads(long accountId, List<IncomingLead> rows, List<LeadDraft> drafts,
                              Map<Long, RowOutcome> failures) {
            this.accountId = accountId;
            this.rows = rows;
            this.drafts = drafts;
            this.failures = failures;
        }

        /**
         * What identifies an existing lead for these rows: lower-cased emails, and phones of rows without one. Two
         * batches that share no key never write the same lead or the same unique index entry.
         */
        public Set<String> duplicateKeys() {
            Set<String> keys = new HashSet<>();
            for (LeadDraft draft : drafts) {
                String key = draft == null ? null : duplicateKey(draft.email, draft.phone);
                if (key != null) {
                    keys.add(key);
                }
            }
            return keys;
        }

        private Set<String> tagNames() {
            Set<String> names = new LinkedHashSet<>();
            drafts.stream().filter(java.util.Objects::nonNull).forEach(draft -> names.addAll(draft.tags));
            return names;
        }
    }

    /** Same email (any case), or the same phone when there is no email; null when a row has neither. */
    private static String duplicateKey(String email, String phone) {
        if (email != null) {
            return "e:" + email.toLowerCase(Locale.ROOT);
        }
        return phone == null ? null : "p:" + phone;
    }

    /** Reads and checks the rows; touches no lead, so it needs no transaction. */
    public PreparedLeads prepare(long accountId, List<IncomingLead> rows) {
        LeadDraftReader reader = facade.reader(accountId);
        Set<Long> members = accounts.members(accountId).stream().map(TeamMember::id).collect(Collectors.toSet());
        List<LeadDraft> drafts = new ArrayList<>(rows.size());
        Map<Long, RowOutcome> failures = new HashMap<>();
        for (IncomingLead row : rows) {
            List<FieldViolation> violations = new ArrayList<>();
            LeadDraft draft = reader.read(row.json(), "", violations);
            if (draft.assignedTo != null && !members.contains(draft.assignedTo)) {
                violations.add(new FieldViolation("assignedTo", "is not a team member of this account"));
            }
            if (violations.isEmpty()) {
                drafts.add(draft);
            } else {
                drafts.add(null);
                failures.put(row.rowNumber(), RowOutcome.failed(row.rowNumber(), violations));
            }
        }
        return new PreparedLeads(accountId, List.copyOf(rows), drafts, failures);
    }

    @Transactional
    public List<RowOutcome> write(long accountId, List<IncomingLead> rows, DuplicatePolicy policy, String source) {
        return write(prepare(accountId, rows), policy, source, () -> { });
    }

    /**
     * Creates the tags these rows add that do not exist yet, committed on their own: batches written at the same
     * time then only read tags, and never wait on each other's uncommitted new tag.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void createTags(PreparedLeads prepared) {
        tags.ensureExist(prepared.accountId, prepared.tagNames());
    }

    /**
     * Writes the rows. {@code beforeChangeFeed} runs once the leads and their tags are written and before the
     * account's change-feed row is touched: a caller writing several batches at once waits there for the earlier
     * batch to commit, so batches commit in order and hold no lock the earlier one needs.
     */
    @Transactional
    public List<RowOutcome> write(PreparedLeads prepared, DuplicatePolicy policy, String source,
                                  Runnable beforeChangeFeed) {
        long accountId = prepared.accountId;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        Map<Long, RowOutcome> outcomes = new LinkedHashMap<>();
        List<Pending> remaining = new ArrayList<>();
        for (int i = 0; i < prepared.rows.size(); i++) {
            long rowNumber = prepared.rows.get(i).rowNumber();
            LeadDraft draft = prepared.drafts.get(i);
            outcomes.put(rowNumber, prepared.failures.get(rowNumber));
            if (draft != null) {
                remaining.add(new Pending(rowNumber, draft, DraftMerges.newLead(draft, source, now)));
            }
        }
        Map<Long, List<String>> tagsToAdd = new HashMap<>();
        while (!remaining.isEmpty()) {
            remaining = writePass(accountId, remaining, policy, now, outcomes, tagsToAdd);
        }
        Set<Long> createdIds = outcomes.values().stream().filter(o -> o.kind() == RowOutcome.Kind.CREATED)
                .map(RowOutcome::leadId).collect(Collectors.toSet());
        tags.addLeadTags(accountId, tagsToAdd, createdIds.containsAll(tagsToAdd.keySet()));
        beforeChangeFeed.run();
        List<Long> written = outcomes.values().stream().filter(o -> o.leadId() != null && o.kind() != RowOutcome.Kind.SKIPPED)
                .map(RowOutcome::leadId).toList();
        if (!written.isEmpty()) {
            changes.leadsChanged(accountId, written);
        }
        return new ArrayList<>(outcomes.values());
    }

    /**
     * Writes rows whose keys are distinct; returns the rows to retry (a repeated key, or lost a race). Rows with an
     * email are inserted straight away and the unique email index tells which already exist: only those are looked
     * up, so a load of new leads pays no lookup. Rows keyed by phone are looked up first (no unique index).
     */
    private List<Pending> writePass(long accountId, List<Pending> pendingRows, DuplicatePolicy policy, OffsetDateTime now,
                                    Map<Long, RowOutcome> outcomes, Map<Long, List<String>> tagsToAdd) {
        List<Pending> later = new ArrayList<>();
        List<Pending> inserts = new ArrayList<>();
        List<Pending> byPhoneOnly = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Pending pending : pendingRows) {
            String key = pending.key(policy);
            if (key != null && !keys.add(key)) {
                later.add(pending);
            } else if (pending.lead().email() == null && pending.lead().phone() != null
                    && policy != DuplicatePolicy.REJECT_SAME_EMAIL) {
                byPhoneOnly.add(pending);
            } else {
                inserts.add(pending);
            }
        }
        Map<String, LeadView> byPhone = leads.findByPhones(accountId,
                byPhoneOnly.stream().map(p -> p.lead().phone()).toList());
        for (Pending pending : byPhoneOnly) {
            LeadView existing = byPhone.get(pending.lead().phone());
            if (existing == null) {
                inserts.add(pending);
            } else {
                writeDuplicate(accountId, pending, existing, "phone", policy, now, outcomes, tagsToAdd, later);
            }
        }
        List<Long> ids = leadInserts.allocateIds(inserts.size());
        List<LeadView> rows = new ArrayList<>(inserts.size());
        for (int i = 0; i < inserts.size(); i++) {
            rows.add(DraftMerges.withId(inserts.get(i).lead(), ids.get(i)));
        }
        Set<Long> inserted = insertExpectingNew(accountId, rows);
        statistics.leadsInserted(inserted.size());
        List<Pending> emailTaken = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            Pending pending = inserts.get(i);
            long id = ids.get(i);
            if (inserted.contains(id)) {
                outcomes.put(pending.row(), RowOutcome.created(pending.row(), id));
                addTags(tagsToAdd, id, pending.draft());
            } else if (pending.lead().email() != null) {
                emailTaken.add(pending);
            } else {
                later.add(pending);
            }
        }
        Map<String, LeadView> byEmail = leads.findByEmails(accountId, emailTaken.stream()
                .map(p -> p.lead().email().toLowerCase(Locale.ROOT)).toList());
        for (Pending pending : emailTaken) {
            LeadView existing = byEmail.get(pending.lead().email().toLowerCase(Locale.ROOT));
            if (existing == null) {
                later.add(pending);
            } else {
                writeDuplicate(accountId, pending, existing, "email", policy, now, outcomes, tagsToAdd, later);
            }
        }
        return later;
    }

    /** A plain insert under a savepoint first: most rows of an import are new; if one is not, skip the taken. */
    private Set<Long> insertExpectingNew(long accountId, List<LeadView> rows) {
        if (rows.size() > 1) {
            try {
                return savepoint.execute(status -> leadInserts.insertAll(accountId, rows, false));
            } catch (DuplicateKeyException e) {
                // some email is taken: fall through to the insert that leaves those rows out
            }
        }
        return leadInserts.insertAll(accountId, rows, true);
    }

    private void writeDuplicate(long accountId, Pending pending, LeadView existing, String sameWhat,
                                DuplicatePolicy policy, OffsetDateTime now, Map<Long, RowOutcome> outcomes,
                                Map<Long, List<String>> tagsToAdd, List<Pending> later) {
        if (policy == DuplicatePolicy.REJECT_SAME_EMAIL) {
            outcomes.put(pending.row(), RowOutcome.failed(pending.row(), List.of(new FieldViolation("email",
                    "A lead with this email already exists (id " + existing.id() + ")"))));
            return;
        }
        if (policy == DuplicatePolicy.SKIP) {
            outcomes.put(pending.row(), RowOutcome.skipped(pending.row(), existing.id(),
                    "duplicate of lead " + existing.id() + " (same " + sameWhat + ")"));
            return;
        }
        LeadView merged = policy == DuplicatePolicy.UPDATE ? DraftMerges.overwrite(existing, pending.draft(), now)
                : DraftMerges.fillEmpty(existing, pending.draft(), now);
        if (leads.update(accountId, merged)) {
            outcomes.put(pending.row(), RowOutcome.updated(pending.row(), existing.id()));
            addTags(tagsToAdd, existing.id(), pending.draft());
        } else {
            later.add(pending); // deleted meanwhile: the next pass inserts it as a new lead
        }
    }

    private static void addTags(Map<Long, List<String>> tagsToAdd, long leadId, LeadDraft draft) {
        if (!draft.tags.isEmpty()) {
            tagsToAdd.computeIfAbsent(leadId, id -> new ArrayList<>()).addAll(draft.tags);
        }
    }
}
