package com.asan.audience.criteria;

import java.util.List;

/** A custom field an account defined: its slug key, label, type and (for select) the allowed options. */
public record CustomFieldDefinition(String key, String label, FieldType type, List<String> options) {

    public CustomFieldDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
