package com.asan.audience.lead;

import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import static com.asan.audience.lead.LeadDraft.Attribute.*;

import com.asan.audience.account.AccountFacade;
import com.asan.audience.shared.ConflictException;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.NotFoundException;
import com.asan.audience.shared.PageRequest;
import com.asan.audience.shared.PageResult;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes, lists and deletes leads. Input arrives as JSON-like maps so every bad value gets its path. */
@Service
public class LeadFacade {

    private final LeadRepository leads;
    private final TagRepository tags;
    private final CustomFieldFacade customFields;
    private final AccountFacade accounts;
    private final Clock clock;
    private final LeadChangeFeed changes;

    LeadFacade(LeadRepository leads, TagRepository tags, CustomFieldFacade customFields, AccountFacade accounts, Clock clock, LeadChangeFeed changes) {
        this.changes = changes;
        this.leads = leads;
        this.tags = tags;
        this.customFields = customFields;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The leads the caller may see (an agent may be limited to their own by the account's lead access). */
    @Transactional(readOnly = true)
    public LeadScope scope(TenantPrincipal caller) {
        if (caller.has(Permission.LEADS_UNRESTRICTED)
                || !accounts.settings(caller.accountId()).agentsSeeAssignedOnly()) {
            return LeadScope.ALL;
        }
        return new LeadScope(caller.memberId());
    }

    /** Reads lead JSON for one account; build it once per request or batch. */
    LeadDraftReader reader(long accountId) {
        return new LeadDraftReader(customFields.fieldsByKey(accountId), accounts.settings(accountId).defaultRegion());
    }

    /** A lead a member creates; one limited to their own leads gets it assigned unless they name someone. */
    @Transactional
    public LeadView create(TenantPrincipal caller, Map<String, Object> json, String defaultSource) {
        Map<String, Object> body = json;
        if (scope(caller).restricted() && !json.containsKey("assignedTo")) {
            body = new LinkedHashMap<>(json);
            body.put("assignedTo", caller.memberId());
        }
        return create(caller.accountId(), body, defaultSource, reader(caller.accountId()), "");
    }

    LeadView create(long accountId, Map<String, Object> json, String defaultSource, LeadDraftReader reader,
                    String pathPrefix) {
        List<FieldViolation> violations = new ArrayList<>();
        LeadDraft draft = reader.read(json, pathPrefix, violations);
        checkAssignee(accountId, draft, pathPrefix, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        OffsetDateTime now = now();
        LeadView lead = new LeadView(0, draft.firstName, draft.lastName, draft.email, draft.phone, null,
                draft.has(STATUS) ? draft.status : "New", draft.has(SOURCE) ? draft.source : defaultSource,
                draft.tags, draft.assignedTo, LeadValues.withoutNulls(draft.customFields),
                draft.createdAt == null ? now : draft.createdAt, draft.lastActiveAt,
                draft.has(EMAIL_STATUS) ? draft.emailStatus : "subscribed", now);
        lead = LeadValues.withPhoneType(lead, draft.phoneTypeOrDerived());
        rejectDuplicateEmail(accountId, lead.email(), null, pathPrefix);
        // a concurrent insert of the same email waits for the other to commit, then inserts nothing: the
        // transaction is still usable, so the conflict can name the lead that won
        LeadView draftLead = lead;
        long id = leads.insert(accountId, lead)
                .orElseThrow(() -> duplicateEmail(accountId, draftLead.email(), pathPrefix));
        tags.replaceLeadTags(accountId, id, lead.tags());
        changes.leadChanged(accountId, id);
        return leads.find(accountId, id).orElseThrow();
    }

    /** The lead, or 404 when it does not exist or is outside the caller's scope. */
    @Transactional(readOnly = true)
    public LeadView get(TenantPrincipal caller, long id) {
        LeadScope scope = scope(caller);
        return leads.find(caller.accountId(), id).filter(scope::allows)
                .orElseThrow(() -> new NotFoundException("Lead"));
    }

    @Transactional
    public LeadView update(TenantPrincipal caller, long id, Map<String, Object> json) {
        long accountId = caller.accountId();
        LeadScope scope = scope(caller);
        LeadView current = leads.findForUpdate(accountId, id).filter(scope::allows)
                .orElseThrow(() -> new NotFoundException("Lead"));
        List<FieldViolation> violations = new ArrayList<>();
        LeadDraft draft = reader(accountId).read(json, "", violations);
        checkAssignee(accountId, draft, "", violations);
        if (draft.has(CREATED_AT) && draft.createdAt == null && violations.isEmpty()) {
            violations.add(new FieldViolation("createdAt", "must not be null"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Map<String, Object> custom = new LinkedHashMap<>(current.customFields());
        custom.putAll(draft.customFields);
        LeadView changed = new LeadView(id,
                draft.has(FIRST_NAME) ? draft.firstName : current.firstName(),
                draft.has(LAST_NAME) ? draft.lastName : current.lastName(),
                draft.has(EMAIL) ? draft.email : current.email(),
                draft.has(PHONE) ? draft.phone : current.phone(),
                current.phoneType(),
                draft.has(STATUS) ? draft.status : current.status(),
                draft.has(SOURCE) ? draft.source : current.source(),
                draft.has(TAGS) ? draft.tags : current.tags(),
                draft.has(ASSIGNED_TO) ? draft.assignedTo : current.assignedTo(),
                LeadValues.withoutNulls(custom),
                draft.has(CREATED_AT) ? draft.createdAt : current.createdAt(),
                draft.has(LAST_ACTIVE_AT) ? draft.lastActiveAt : current.lastActiveAt(),
                draft.has(EMAIL_STATUS) ? draft.emailStatus : current.emailStatus(),
                now());
        String phoneType = draft.has(PHONE_TYPE) ? draft.phoneType
                : draft.has(PHONE) ? null : current.phoneType();
        changed = LeadValues.withPhoneType(changed, phoneType);
        rejectDuplicateEmail(accountId, changed.email(), id, "");
        try {
            leads.update(accountId, changed);
        } catch (DuplicateKeyException e) {
            // the transaction is aborted: no statement may run to look the other lead up
            throw new ConflictException("email", "A lead with this email already exists");
        }
        if (draft.has(TAGS)) {
            tags.replaceLeadTags(accountId, id, changed.tags());
        }
        changes.leadChanged(accountId, id);
        return leads.find(accountId, id).orElseThrow();
    }

    @Transactional
    public void delete(TenantPrincipal caller, long id) {
        caller.require(Permission.LEADS_DELETE);
        long accountId = caller.accountId();
        if (!leads.delete(accountId, id)) {
            throw new NotFoundException("Lead");
        }
        changes.leadChanged(accountId, id);
    }

    @Transactional(readOnly = true)
    public PageResult<LeadView> list(TenantPrincipal caller, String query, PageRequest page) {
        long accountId = caller.accountId();
        LeadScope scope = scope(caller);
        var filter = scope.restricted() ? LeadRepository.search(query).and(LeadTables.ASSIGNED_TO.eq(scope.assignee()))
                : LeadRepository.search(query);
        List<LeadView> items = leads.page(accountId, filter, List.of(LeadTables.CREATED_AT.desc()), page.offset(),
                page.size());
        return new PageResult<>(items, leads.count(accountId, filter), page.page(), page.size());
    }

    private void checkAssignee(long accountId, LeadDraft draft, String prefix, List<FieldViolation> violations) {
        if (draft.assignedTo != null && !accounts.isMember(accountId, draft.assignedTo)) {
            violations.add(new FieldViolation(prefix + "assignedTo", "is not a team member of this account"));
        }
    }

    private void rejectDuplicateEmail(long accountId, String email, Long self, String prefix) {
        if (email == null) {
            return;
        }
        leads.idByEmail(accountId, email).filter(existing -> !existing.equals(self)).ifPresent(existing -> {
            throw new ConflictException(prefix + "email", "A lead with this email already exists",
                    Map.of("existingId", existing));
        });
    }

    private ConflictException duplicateEmail(long accountId, String email, String prefix) {
        Long existing = email == null ? null : leads.idByEmail(accountId, email).orElse(null);
        return new ConflictException(prefix + "email", "A lead with this email already exists",
                existing == null ? Map.of() : Map.of("existingId", existing));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
