package com.asan.audience.intake;

import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TextLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads form settings JSON; with a current form, absent fields keep their value (PATCH). */
final class FormSettingsReader {

    private static final Set<String> KNOWN = Set.of("name", "allowedOrigins", "redirectUrl", "tags", "key",
            "submissions", "createdAt");

    FormView read(Map<String, Object> json, FormView current) {
        List<FieldViolation> violations = new ArrayList<>();
        json.keySet().stream().filter(key -> !KNOWN.contains(key))
                .forEach(key -> violations.add(new FieldViolation(key, "unknown field")));
        String name = current == null ? null : current.name();
        if (json.containsKey("name") || current == null) {
            name = json.get("name") instanceof String s ? TextLimits.clean(s, "name", violations) : null;
            if (name == null) {
                violations.add(new FieldViolation("name", "is required"));
            }
        }
        List<String> origins = current == null ? List.of() : current.allowedOrigins();
        if (json.containsKey("allowedOrigins")) {
            origins = origins(json.get("allowedOrigins"), violations);
        }
        String redirect = current == null ? null : current.redirectUrl();
        if (json.containsKey("redirectUrl")) {
            redirect = redirect(json.get("redirectUrl"), violations);
        }
        List<String> tags = current == null ? List.of() : current.tags();
        if (json.containsKey("tags")) {
            tags = strings(json.get("tags"), "tags", violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new FormView(current == null ? null : current.key(), name, origins, redirect, tags,
                current == null ? 0 : current.submissions(), current == null ? null : current.createdAt());
    }

    private static List<String> origins(Object value, List<FieldViolation> violations) {
        List<String> origins = new ArrayList<>();
        List<String> given = strings(value, "allowedOrigins", violations);
        for (int i = 0; i < given.size(); i++) {
            String origin = given.get(i).replaceAll("/+$", "");
            try {
                URI uri = new URI(origin);
                boolean valid = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                        && uri.getHost() != null && (uri.getPath() == null || uri.getPath().isEmpty())
                        && uri.getQuery() == null && uri.getUserInfo() == null;
                if (valid) {
                    origins.add(origin.toLowerCase(Locale.ROOT));
                    continue;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            violations.add(new FieldViolation("allowedOrigins[" + i + "]",
                    "must be an origin such as https://www.example.com (scheme, host and optional port)"));
        }
        return origins;
    }

    private static String redirect(Object value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            try {
                URI uri = new URI(s.strip());
                if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                        && s.length() <= 2000) {
                    return uri.toString();
                }
            } catch (URISyntaxException e) {
                // reported below
            }
        }
        violations.add(new FieldViolation("redirectUrl", "must be an absolute http(s) URL or null"));
        return null;
    }

    private static List<String> strings(Object value, String path, List<FieldViolation> violations) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            violations.add(new FieldViolation(path, "must be an array of strings"));
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String item = list.get(i) instanceof String s ? TextLimits.clean(s, path + "[" + i + "]", violations) : null;
            if (item == null) {
                violations.add(new FieldViolation(path + "[" + i + "]", "must be a non-blank string"));
            } else {
                result.add(item);
            }
        }
        return result;
    }
}
