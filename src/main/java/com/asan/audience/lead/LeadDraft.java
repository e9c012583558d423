package com.asan.audience.lead;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked, normalised set of lead attributes from one JSON object. {@link #has} tells which attributes the
 * client sent, so the same draft serves a create (defaults fill the rest) and a partial update.
 */
final class LeadDraft {

    enum Attribute { FIRST_NAME, LAST_NAME, EMAIL, PHONE, PHONE_TYPE, STATUS, SOURCE, TAGS, ASSIGNED_TO,
        CUSTOM_FIELDS, CREATED_AT, LAST_ACTIVE_AT, EMAIL_STATUS }

    private final Set<Attribute> present = EnumSet.noneOf(Attribute.class);
    String firstName;
    String lastName;
    String email;
    String phone;
    String phoneType;
    /** The line type the numbering plan gives for {@link #phone}, found while normalising it. */
    String derivedPhoneType;
    String status;
    String source;
    List<String> tags = List.of();
    Long assignedTo;
    /** Keys mapped to a normalised value, or to null to remove the value. */
    Map<String, Object> customFields = Map.of();
    OffsetDateTime createdAt;
    OffsetDateTime lastActiveAt;
    String emailStatus;

    /** The phone type given, else the one the numbering plan tells. */
    String phoneTypeOrDerived() {
        return phoneType != null ? phoneType : derivedPhoneType;
    }

    boolean has(Attribute attribute) {
        return present.contains(attribute);
    }

    void mark(Attribute attribute) {
        present.add(attribute);
    }
}
