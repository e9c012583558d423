package com.asan.audience.campaign;

import com.asan.audience.shared.EmailAddresses;
import com.asan.audience.shared.FieldViolation;
import com.asan.audience.shared.InvalidInputException;
import com.asan.audience.shared.TextLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/** Reads a campaign's JSON (create or replace); every bad value gets its path. */
final class CampaignContentReader {

    static final int MAX_HTML = 512 * 1024;
    private static final Set<String> KNOWN = Set.of("name", "subject", "preheader", "fromName", "fromEmail", "replyTo",
            "html", "segmentId", "excludeSegmentIds", "id", "status", "createdAt", "sentAt", "sendAt", "stats");

    private CampaignContentReader() {
    }

    static CampaignContent read(Map<String, Object> json, LongPredicate segmentExists) {
        List<FieldViolation> violations = new ArrayList<>();
        json.keySet().stream().filter(key -> !KNOWN.contains(key))
                .forEach(key -> violations.add(new FieldViolation(key, "unknown field")));
        String name = required(json, "name", violations);
        String subject = required(json, "subject", violations);
        String preheader = optional(json, "preheader", violations);
        String fromName = required(json, "fromName", violations);
        String fromEmail = email(json, "fromEmail", true, violations);
        String replyTo = email(json, "replyTo", false, violations);
        String html = null;
        String unstorableHtml = json.get("html") instanceof String given ? TextLimits.unstorable(given) : null;
        if (!(json.get("html") instanceof String h) || h.isBlank()) {
            violations.add(new FieldViolation("html", "is required"));
        } else if (h.length() > MAX_HTML) {
            violations.add(new FieldViolation("html", "must be at most " + MAX_HTML + " characters"));
        } else if (unstorableHtml != null) {
            violations.add(new FieldViolation("html", unstorableHtml));
        } else {
            html = h;
            checkLinks(h, violations);
        }
        Long segmentId = null;
        if (json.get("segmentId") instanceof Number n && (n instanceof Integer || n instanceof Long)) {
            segmentId = n.longValue();
            if (!segmentExists.test(segmentId)) {
                violations.add(new FieldViolation("segmentId", "no saved segment of this account has this id"));
            }
        } else {
            violations.add(new FieldViolation("segmentId", "is required: the id of a saved segment"));
        }
        List<Long> excluded = new ArrayList<>();
        Object rawExcluded = json.get("excludeSegmentIds");
        if (rawExcluded instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String path = "excludeSegmentIds[" + i + "]";
                if (list.get(i) instanceof Number n && (n instanceof Integer || n instanceof Long)) {
                    if (!segmentExists.test(n.longValue())) {
                        violations.add(new FieldViolation(path, "no saved segment of this account has this id"));
                    } else if (segmentId != null && n.longValue() == segmentId) {
                        violations.add(new FieldViolation(path, "is the recipient segment itself"));
                    } else if (!excluded.contains(n.longValue())) {
                        excluded.add(n.longValue());
                    }
                } else {
                    violations.add(new FieldViolation(path, "must be a segment id"));
                }
            }
        } else if (rawExcluded != null) {
            violations.add(new FieldViolation("excludeSegmentIds", "must be an array of segment ids"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new CampaignContent(name, subject, preheader, fromName, fromEmail, replyTo, html, segmentId, excluded);
    }

    private static String required(Map<String, Object> json, String key, List<FieldViolation> violations) {
        String value = optional(json, key, violations);
        if (value == null && violations.stream().noneMatch(v -> v.path().equals(key))) {
            violations.add(new FieldViolation(key, "is required"));
        }
        return value;
    }

    private static String optional(Map<String, Object> json, String key, List<FieldViolation> violations) {
        Object value = json.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            violations.add(new FieldViolation(key, "must be a string"));
            return null;
        }
        String cleaned = TextLimits.clean(s, key, violations);
        if (cleaned != null && cleaned.matches("(?s).*[\\r\\n].*")) {
            violations.add(new FieldViolation(key, "must be a single line"));
            return null;
        }
        return cleaned;
    }

    private static String email(Map<String, Object> json, String key, boolean required, List<FieldViolation> violations) {
        String value = required ? required(json, key, violations) : optional(json, key, violations);
        if (value != null && !EmailAddresses.isValid(value)) {
            violations.add(new FieldViolation(key, "is not a valid email address"));
            return null;
        }
        return value;
    }

    /** Every tracked link must become a valid URL (merge tags stand for a value): refused at save, not at send. */
    private static void checkLinks(String html, List<FieldViolation> violations) {
        for (String href : HtmlLinks.webLinks(html)) {
            if (Links.normalize(href.replaceAll("\\{\\{[^}]*}}", "x")).isEmpty()) {
                violations.add(new FieldViolation("html", "the link " + (href.length() > 200
                        ? href.substring(0, 200) + "…" : href) + " is not a valid web address"));
            }
        }
    }
}
