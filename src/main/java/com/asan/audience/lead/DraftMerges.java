package com.asan.audience.lead;

import static com.asan.audience.lead.LeadDraft.Attribute.*;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a bulk-written row becomes a lead: a new one, or merged into the lead it duplicates. */
final class DraftMerges {

    private DraftMerges() {
    }

    static LeadView newLead(LeadDraft draft, String source, OffsetDateTime now) {
        LeadView lead = new LeadView(0, draft.firstName, draft.lastName, draft.email, draft.phone, null,
                draft.has(STATUS) ? draft.status : "New", draft.has(SOURCE) ? draft.source : source, draft.tags,
                draft.assignedTo, LeadValues.withoutNulls(draft.customFields),
                draft.createdAt == null ? now : draft.createdAt, draft.lastActiveAt,
                draft.has(EMAIL_STATUS) ? draft.emailStatus : "subscribed", now);
        return LeadValues.withPhoneType(lead, draft.phoneTypeOrDerived());
    }

    static LeadView overwrite(LeadView current, LeadDraft draft, OffsetDateTime now) {
        Map<String, Object> custom = new LinkedHashMap<>(current.customFields());
        custom.putAll(LeadValues.withoutNulls(draft.customFields));
        boolean newPhone = draft.phone != null;
        LeadView lead = new LeadView(current.id(), pick(draft.firstName, current.firstName()),
                pick(draft.lastName, current.lastName()), pick(draft.email, current.email()),
                pick(draft.phone, current.phone()), null, pick(draft.status, current.status()), current.source(),
                current.tags(), pick(draft.assignedTo, current.assignedTo()), custom,
                pick(draft.createdAt, current.createdAt()), pick(draft.lastActiveAt, current.lastActiveAt()),
                pick(draft.emailStatus, current.emailStatus()), now);
        String type = newPhone ? draft.phoneTypeOrDerived() : pick(draft.phoneType, current.phoneType());
        return LeadValues.withPhoneType(lead, type);
    }

    static LeadView fillEmpty(LeadView current, LeadDraft draft, OffsetDateTime now) {
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

    static LeadView withId(LeadView lead, long id) {
        return new LeadView(id, lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.phoneType(),
                lead.status(), lead.source(), lead.tags(), lead.assignedTo(), lead.customFields(), lead.createdAt(),
                lead.lastActiveAt(), lead.emailStatus(), lead.updatedAt());
    }
}
