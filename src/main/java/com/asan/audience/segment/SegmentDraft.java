package com.asan.audience.segment;

import com.asan.audience.criteria.Group;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TextLimits;
import java.util.ArrayList;
import java.util.function.Function;
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

    /** The draft once checked: its name and description cleaned, its criteria parsed for the account. */
    record Checked(String name, String description, Group criteria) {
    }

    /** Checks every part and reports all violations at once; {@code parse} reads criteria for the account. */
    Checked check(Function<Object, Group> parse) {
        List<FieldViolation> violations = new ArrayList<>();
        String cleanName = TextLimits.clean(name, "name", 200, violations);
        if (cleanName == null && violations.isEmpty()) {
            violations.add(new FieldViolation("name", "is required"));
        }
        String cleanDescription = TextLimits.clean(description, "description", violations);
        Group parsed = null;
        try {
            parsed = parse.apply(criteria);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Checked(cleanName, cleanDescription, parsed);
    }
}
