package com.asan.audience.intake;

import com.asan.audience.criteria.FieldType;
import com.asan.audience.lead.DuplicatePolicy;
import java.util.List;
import java.util.Map;

/**
 * A checked import configuration. {@code mapping} names every column of the file: its target ("email",
 * "custom.age", ...) or null to ignore it.
 */
record ImportOptions(Map<String, String> mapping, List<NewField> newCustomFields,
                     Map<String, Map<String, String>> valueMaps, String tagSeparator, DuplicatePolicy duplicates,
                     List<String> addTags, Long assignTo) {

    static final List<String> STANDARD_TARGETS = List.of("email", "firstName", "lastName", "fullName", "phone",
            "phoneType", "status", "tags", "assignedTo", "createdAt");
    static final String CUSTOM_PREFIX = "custom.";

    record NewField(String column, String key, String label, FieldType type) {
    }
}
