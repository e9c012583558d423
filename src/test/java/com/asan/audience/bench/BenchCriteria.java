package com.asan.audience.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fixed mix of 20 criteria for count benchmarks, covering every field type and operator family. */
final class BenchCriteria {

    private BenchCriteria() {
    }

    record Named(String name, Map<String, Object> criteria) {
    }

    static List<Named> mix(LocalDate today, long agentA, long agentB) {
        return List.of(
                new Named("status is Hot", all(c("status", "is", "Hot"))),
                new Named("status in Hot,Warm AND source Facebook", all(c("status", "in", List.of("Hot", "Warm")),
                        c("source", "is", "Facebook"))),
                new Named("status Hot OR source Facebook", any(c("status", "is", "Hot"), c("source", "is", "Facebook"))),
                new Named("tags has_any VIP,Investor", all(c("tags", "has_any", List.of("VIP", "Investor")))),
                new Named("tags has_all Buyer,First-time buyer", all(c("tags", "has_all",
                        List.of("Buyer", "First-time buyer")))),
                new Named("tags has_none Seller", all(c("tags", "has_none", List.of("Seller")))),
                new Named("city Toronto AND budget > 500000", all(c("custom.city", "is", "toronto"),
                        c("custom.budget", "gt", 500000))),
                new Named("budget between 300000 and 700000", all(c("custom.budget", "between", List.of(300000, 700000)))),
                new Named("created in last 30 days", all(c("created", "in_last_days", 30))),
                new Named("created between two dates", all(c("created", "between",
                        List.of(today.minusDays(400).toString(), today.minusDays(200).toString())))),
                new Named("last_active is empty", all(c("last_active", "is_empty", null))),
                new Named("last_active not in last 90 days", all(c("last_active", "not_in_last_days", 90))),
                new Named("assigned_to is empty", all(c("assigned_to", "is_empty", null))),
                new Named("assigned_to in two agents", all(c("assigned_to", "in", List.of(agentA, agentB)))),
                new Named("phone mobile AND status not Cold", all(c("phone_type", "is", "mobile"),
                        c("status", "not_in", List.of("Cold")))),
                new Named("opened last campaign", all(c("engagement", "opened", Map.of("campaign", "last")))),
                new Named("clicked any within 30 days", all(c("engagement", "clicked",
                        Map.of("campaign", "any", "within_days", 30)))),
                new Named("pre_approved AND property_type Condo,Townhouse", all(c("custom.pre_approved", "is", true),
                        c("custom.property_type", "in", List.of("Condo", "Townhouse")))),
                new Named("first_name starts_with ol OR email contains gmail", any(c("first_name", "starts_with", "ol"),
                        c("email", "contains", "gmail"))),
                new Named("(Hot AND created 90d) OR (Buyer+First-time AND budget 300k-700k)", any(
                        all(c("status", "is", "Hot"), c("created", "in_last_days", 90)),
                        all(c("tags", "has_all", List.of("Buyer", "First-time buyer")),
                                c("custom.budget", "between", List.of(300000, 700000))))));
    }

    static Map<String, Object> all(Object... conditions) {
        return group("all", conditions);
    }

    static Map<String, Object> any(Object... conditions) {
        return group("any", conditions);
    }

    private static Map<String, Object> group(String match, Object... conditions) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("match", match);
        group.put("conditions", List.of(conditions));
        return group;
    }

    static Map<String, Object> c(String field, String operator, Object value) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", field);
        condition.put("operator", operator);
        if (value != null) {
            condition.put("value", value);
        }
        return condition;
    }
}
