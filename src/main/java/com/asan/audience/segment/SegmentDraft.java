package com.asan.audience.segment;

import com.asan.audience.shared.InvalidInputException;
import java.util.List;
import java.util.Map;

/** A segment as a client sends it: name, description and the criteria JSON, parsed by the facade. */
public record SegmentDraft(String name, String description, Object criteria) {

    private static final java.util.Set<String> READ_ONLY = java.util.Set.of("id", "count", "createdAt", "createdBy",
            "updatedAt");

    /** Reads a segment body; read-only fields a client echoes back (id, count, dates) are ignored. */
    public static SegmentDraft fromJson(Map<String, Object> body) {
        for (String key : body.keySet()) {
            if (!java.util.Set.of("name", "description", "criteria").contains(key) && !READ_ONLY.contains(key)) {
                throw new InvalidInputException(key, "unknown field");
            }
        }
        for (String key : List.of("name", "description")) {
            if (body.get(key) != null && !(body.get(key) instanceof String)) {
                throw new InvalidInputException(key, "must be a string");
            }
        }
        return new SegmentDraft((String) body.get("name"), (String) body.get("description"), body.get("criteria"));
    }
}
