package com.asan.audience.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random leads and random criteria in their JSON form, over every field and operator, biased towards the edges:
 * unusual letter case, surrounding spaces, missing values and times close to midnight in the account's zone.
 */
final class CriteriaGenerators {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final List<String> ZONES = List.of("UTC", "America/Toronto", "Asia/Kolkata", "Pacific/Auckland");

    private final List<Long> members;
    private final List<Long> campaigns;

    CriteriaGenerators(List<Long> members, List<Long> campaigns) {
        this.members = members;
        this.campaigns = campaigns;
    }

    record LeadSpec(Map<String, Object> json, List<EventSpec> events) {
    }

    record EventSpec(int campaignIndex, String type, int daysAgo, int minutesShift) {
    }

    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    Arbitrary<List<LeadSpec>> leads() {
        return lead().list().ofMinSize(0).ofMaxSize(8);
    }

    Arbitrary<LeadSpec> lead() {
        Arbitrary<Map<String, Object>> basics = Combinators.combine(
                Arbitraries.of("Ann", "ann ", "ÉLODIE", "élodie", "Bob", "").injectNull(0.2),
                Arbitraries.of("Smith", "SMITH", "Côté", "côté").injectNull(0.3),
                Arbitraries.of("ann@example.com", "BOB@Example.COM", "Elodie@Exemple.fr", "x@y.ca").injectNull(0.3),
                Arbitraries.of("Hot", "Warm", "Cold", "New", "Nurture", "hot"),
                Arbitraries.of("Facebook", "Website", "CSV import", "Manual", "API"),
                Arbitraries.of("+447911123456", "+442079460958", "(416) 555-0101").injectNull(0.3),
                Arbitraries.of("mobile", "landline", "unknown").injectNull(0.6),
                Arbitraries.of("VIP", "vip ", "Buyer", "Investor", "Élite").list().ofMaxSize(3)
        ).as((first, last, email, status, source, phone, phoneType, tags) -> {
            Map<String, Object> lead = new HashMap<>();
            lead.put("firstName", first);
            lead.put("lastName", last);
            lead.put("email", email);
            lead.put("status", status);
            lead.put("source", source);
            lead.put("phone", phone);
            if (phone != null && phoneType != null) {
                lead.put("phoneType", phoneType);
            }
            lead.put("tags", tags);
            return lead;
        });
        Arbitrary<Map<String, Object>> dates = Combinators.combine(
                Arbitraries.integers().between(0, 40), Arbitraries.of(0, 1, 720, 1439, -1),
                Arbitraries.integers().between(0, 40).injectNull(0.3), Arbitraries.of(0, 1, 1439),
                Arbitraries.of(members).injectNull(0.3)
        ).as((createdDays, createdMinute, activeDays, activeMinute, assignee) -> {
            Map<String, Object> lead = new HashMap<>();
            lead.put("createdAt", "@" + createdDays + "/" + createdMinute);
            lead.put("lastActiveAt", activeDays == null ? null : "@" + activeDays + "/" + activeMinute);
            lead.put("assignedTo", assignee);
            return lead;
        });
        Arbitrary<Map<String, Object>> custom = Combinators.combine(
                Arbitraries.of("Toronto", " toronto", "TORONTO", "Ottawa", "Montréal").injectNull(0.3),
                Arbitraries.of(100000, 500000, 600000, 750000).map(n -> (Object) n)
                        .injectNull(0.3),
                Arbitraries.of(true, false).injectNull(0.3),
                Arbitraries.integers().between(-20, 20).injectNull(0.4),
                Arbitraries.of("Condo", "condo", "Detached").injectNull(0.3)
        ).as((city, budget, preApproved, moveInOffset, propertyType) -> {
            Map<String, Object> values = new HashMap<>();
            putIfPresent(values, "city", city);
            putIfPresent(values, "budget", budget);
            putIfPresent(values, "pre_approved", preApproved);
            putIfPresent(values, "move_in", moveInOffset == null ? null : TODAY.plusDays(moveInOffset).toString());
            putIfPresent(values, "property_type", propertyType);
            return values;
        });
        Arbitrary<List<EventSpec>> events = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.of("opened", "clicked", "sent"), Arbitraries.integers().between(0, 40),
                Arbitraries.of(0, 1, -1)).as(EventSpec::new).list().ofMaxSize(3);
        return Combinators.combine(basics, dates, custom, events).as((b, d, c, e) -> {
            Map<String, Object> json = new HashMap<>(b);
            json.putAll(d);
            json.put("customFields", c);
            return new LeadSpec(json, e);
        });
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** "@days/minute" means that many days before today, at that minute of the day in the account's zone. */
    static String resolveTime(String spec, ZoneId zone) {
        String[] parts = spec.substring(1).split("/");
        int minute = Integer.parseInt(parts[1]);
        return TODAY.minusDays(Integer.parseInt(parts[0])).atStartOfDay(zone).plusMinutes(minute)
                .toInstant().atOffset(ZoneOffset.UTC).toString();
    }

    Arbitrary<Map<String, Object>> criteria() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(group("all", List.of()))),
                Tuple.of(12, group(1)));
    }

    private Arbitrary<Map<String, Object>> group(int depth) {
        Arbitrary<Object> member = depth >= 3 ? condition().map(c -> (Object) c)
                : Arbitraries.frequencyOf(Tuple.of(4, condition().map(c -> (Object) c)),
                        Tuple.of(1, Arbitraries.lazy(() -> group(depth + 1)).map(g -> (Object) g)));
        return Combinators.combine(Arbitraries.of("all", "any", "none"), member.list().ofMinSize(1).ofMaxSize(3))
                .as(CriteriaGenerators::group);
    }

    private static Map<String, Object> group(String match, List<Object> members) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("match", match);
        group.put("conditions", members);
        return group;
    }

    private static Map<String, Object> condition(String field, String operator, Object value) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", field);
        condition.put("operator", operator);
        if (value != null) {
            condition.put("value", value);
        }
        return condition;
    }

    Arbitrary<Map<String, Object>> condition() {
        return Arbitraries.oneOf(
                choice("status", List.of("Hot", "warm", "Cold", "New", "Nurture"), false),
                choice("source", List.of("Facebook", "website", "CSV import", "Manual", "API"), false),
                choice("phone_type", List.of("mobile", "landline", "Unknown"), true),
                tags(), assignee(),
                time("created", false), time("last_active", true), time("custom.move_in", true),
                engagement(),
                text("first_name", List.of("ann", "ÉLO", "élodie", "B", "an")),
                text("last_name", List.of("smith", "CÔTÉ", "co", "S")),
                text("email", List.of("ann@example.com", "EXAMPLE", "bob@", "x@y.ca")),
                text("custom.city", List.of("toronto", "OTTAWA", "tor", "Mont")),
                choice("custom.property_type", List.of("Condo", "detached"), true),
                number(), bool());
    }

    private Arbitrary<Map<String, Object>> choice(String field, List<String> values, boolean emptiness) {
        List<String> operators = new ArrayList<>(List.of("is", "is_not", "in", "not_in"));
        if (emptiness) {
            operators.addAll(List.of("is_empty", "is_not_empty"));
        }
        return Combinators.combine(Arbitraries.of(operators), Arbitraries.of(values),
                Arbitraries.of(values).list().ofMinSize(1).ofMaxSize(3)).as((op, one, many) -> condition(field, op,
                switch (op) {
                    case "is", "is_not" -> one;
                    case "in", "not_in" -> many;
                    default -> null;
                }));
    }

    private Arbitrary<Map<String, Object>> text(String field, List<String> values) {
        return Combinators.combine(Arbitraries.of("is", "is_not", "in", "not_in", "contains", "not_contains",
                        "starts_with", "is_empty", "is_not_empty"), Arbitraries.of(values),
                Arbitraries.of(values).list().ofMinSize(1).ofMaxSize(3)).as((op, one, many) -> condition(field, op,
                switch (op) {
                    case "in", "not_in" -> many;
                    case "is_empty", "is_not_empty" -> null;
                    default -> one;
                }));
    }

    private Arbitrary<Map<String, Object>> tags() {
        return Combinators.combine(Arbitraries.of("has_any", "has_all", "has_none", "is_empty", "is_not_empty"),
                Arbitraries.of("vip", "BUYER", "investor", "élite", "Nobody").list().ofMinSize(1).ofMaxSize(2))
                .as((op, names) -> condition("tags", op, op.startsWith("has") ? names : null));
    }

    private Arbitrary<Map<String, Object>> assignee() {
        List<Long> ids = new ArrayList<>(members);
        ids.add(999_999_999L);
        return Combinators.combine(Arbitraries.of("is", "is_not", "in", "not_in", "is_empty", "is_not_empty"),
                Arbitraries.of(ids), Arbitraries.of(ids).list().ofMinSize(1).ofMaxSize(2)).as((op, one, many) ->
                condition("assigned_to", op, switch (op) {
                    case "is", "is_not" -> one;
                    case "in", "not_in" -> many;
                    default -> null;
                }));
    }

    private Arbitrary<Map<String, Object>> time(String field, boolean emptiness) {
        List<String> operators = new ArrayList<>(List.of("in_last_days", "not_in_last_days", "before", "after",
                "between"));
        if (emptiness) {
            operators.addAll(List.of("is_empty", "is_not_empty"));
        }
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(-25, 42).map(TODAY::minusDays);
        return Combinators.combine(Arbitraries.of(operators), Arbitraries.of(1, 2, 7, 30), dates, dates)
                .as((op, days, a, b) -> condition(field, op, switch (op) {
                    case "in_last_days", "not_in_last_days" -> days;
                    case "before", "after" -> a.toString();
                    case "between" -> a.isAfter(b) ? List.of(b.toString(), a.toString())
                            : List.of(a.toString(), b.toString());
                    default -> null;
                }));
    }

    private Arbitrary<Map<String, Object>> engagement() {
        List<Object> refs = new ArrayList<>(List.of("last", "any"));
        refs.addAll(campaigns);
        return Combinators.combine(Arbitraries.of("opened", "not_opened", "clicked", "not_clicked"),
                Arbitraries.of(refs), Arbitraries.of(1, 7, 30).injectNull(0.5)).as((op, ref, within) -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("campaign", ref);
                    if (within != null) {
                        value.put("within_days", within);
                    }
                    return condition("engagement", op, value);
                });
    }

    private Arbitrary<Map<String, Object>> number() {
        Arbitrary<Object> values = Arbitraries.of(100000, 500000, 600000, 749999.5).map(n -> (Object) n);
        return Combinators.combine(Arbitraries.of("is", "is_not", "gt", "gte", "lt", "lte", "between", "is_empty",
                "is_not_empty"), values, values).as((op, a, b) -> condition("custom.budget", op, switch (op) {
                    case "between" -> ((Number) a).doubleValue() <= ((Number) b).doubleValue() ? List.of(a, b)
                            : List.of(b, a);
                    case "is_empty", "is_not_empty" -> null;
                    default -> a;
                }));
    }

    private Arbitrary<Map<String, Object>> bool() {
        return Combinators.combine(Arbitraries.of("is", "is_empty", "is_not_empty"), Arbitraries.of(true, false))
                .as((op, value) -> condition("custom.pre_approved", op, op.equals("is") ? value : null));
    }
}
