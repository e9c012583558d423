package com.asan.audience.lead;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A lead as the API shows it. Custom field values are strings, numbers, ISO dates or booleans by field type. */
public record LeadView(long id, String firstName, String lastName, String email, String phone, String phoneType,
                       String status, String source, List<String> tags, Long assignedTo,
                       Map<String, Object> customFields, OffsetDateTime createdAt, OffsetDateTime lastActiveAt,
                       String emailStatus, OffsetDateTime updatedAt) {

    LeadView withTags(List<String> newTags) {
        return new LeadView(id, firstName, lastName, email, phone, phoneType, status, source, newTags, assignedTo,
                customFields, createdAt, lastActiveAt, emailStatus, updatedAt);
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? (email == null ? "Lead #" + id : email) : name;
    }
}
