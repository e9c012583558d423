package com.asan.audience.lead;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small value rules shared by single and bulk lead writes. */
final class LeadValues {

    private LeadValues() {
    }

    /**
     * A given phone type wins; otherwise a phone's type comes from its numbering plan. A type without a phone is
     * kept too: a list may say "landline contact" before anyone has typed the number.
     */
    static LeadView withPhoneType(LeadView lead, String given) {
        String type = given;
        if (type == null && lead.phone() != null) {
            type = PhoneNumbers.normalize(lead.phone(), "ZZ").map(PhoneNumbers.Normalized::derivedType)
                    .orElse("unknown");
        }
        return new LeadView(lead.id(), lead.firstName(), lead.lastName(), lead.email(), lead.phone(), type,
                lead.status(), lead.source(), lead.tags(), lead.assignedTo(), lead.customFields(), lead.createdAt(),
                lead.lastActiveAt(), lead.emailStatus(), lead.updatedAt());
    }

    static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> cleaned = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                cleaned.put(key, value);
            }
        });
        return cleaned;
    }
}
