package com.asan.audience.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SegmentApiTest extends ApiTestBase {

    Api api;
    long hotFacebook;
    long hotWebsite;
    long coldFacebook;

    @BeforeEach
    void leads() {
        api = newAccount().api();
        api.post("/api/custom-fields", Map.of("key", "city", "label", "City", "type", "text"));
        api.post("/api/custom-fields", Map.of("key", "budget", "label", "Budget", "type", "number"));
        hotFacebook = api.post("/api/leads", Map.of("firstName", "Hot", "status", "Hot", "source", "Facebook",
                "email", "hf@example.com", "tags", List.of("VIP"), "customFields", Map.of("city", "Toronto",
                        "budget", 750000))).id();
        hotWebsite = api.post("/api/leads", Map.of("firstName", "Web", "status", "Hot", "source", "Website",
                "customFields", Map.of("city", " toronto "))).id();
        coldFacebook = api.post("/api/leads", Map.of("firstName", "Cold", "status", "Cold", "source", "Facebook",
                "tags", List.of("vip", "Investor"))).id();
    }

    static Map<String, Object> all(Object... conditions) {
        return Map.of("match", "all", "conditions", List.of(conditions));
    }

    static Map<String, Object> any(Object... conditions) {
        return Map.of("match", "any", "conditions", List.of(conditions));
    }

    static Map<String, Object> cond(String field, String operator, Object value) {
        return value == null ? Map.of("field", field, "operator", operator)
                : Map.of("field", field, "operator", operator, "value", value);
    }

    long preview(Map<String, Object> criteria) {
        Api.Response response = api.post("/api/segments/preview", Map.of("criteria", criteria));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("count").asLong();
    }

    @Test
    void aNameOverTwoHundredCharactersIsRefusedWithTheRealLimit() {
        for (int length : new int[] {201, 1500}) {
            Api.Response refused = api.post("/api/segments", Map.of("name", "n".repeat(length), "criteria",
                    Map.of("match", "all", "conditions", List.of())));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("must be at most 200 characters");
        }
    }

    @Test
    void previewCountsAndSamples() {
        Api.Response response = api.post("/api/segments/preview", Map.of("criteria",
                all(cond("status", "is", "Hot"), cond("source", "is", "Facebook"))));
        assertThat(response.json().get("count").asLong()).isEqualTo(1);
        assertThat(response.json().get("sample").get(0).get("id").asLong()).isEqualTo(hotFacebook);
        assertThat(preview(any(cond("status", "is", "Hot"), cond("source", "is", "Facebook")))).isEqualTo(3);
        assertThat(preview(all())).as("an empty root group matches everyone").isEqualTo(3);
        assertThat(preview(Map.of("match", "none", "conditions", List.of(cond("status", "is", "Hot"))))).isEqualTo(1);
    }

    @Test
    void negativeOperatorsAreExactComplements() {
        assertThat(preview(all(cond("custom.city", "is", "TORONTO")))).isEqualTo(2);
        assertThat(preview(all(cond("custom.city", "is_not", "Toronto"))))
                .as("a lead with no city is not in Toronto").isEqualTo(1);
        assertThat(preview(all(cond("tags", "has_any", List.of("vip"))))).isEqualTo(2);
        assertThat(preview(all(cond("tags", "has_none", List.of("VIP"))))).isEqualTo(1);
        assertThat(preview(all(cond("tags", "has_any", List.of("nobody", "INVESTOR"))))).isEqualTo(1);
        assertThat(preview(all(cond("tags", "has_any", List.of("investor", "Nobody"))))).isEqualTo(1);
        assertThat(preview(all(cond("tags", "has_all", List.of("VIP", "investor"))))).isEqualTo(1);
        assertThat(preview(all(cond("custom.budget", "gt", 500000)))).isEqualTo(1);
        assertThat(preview(all(cond("custom.budget", "is_empty", null)))).isEqualTo(2);
        assertThat(preview(all(cond("phone_type", "is_empty", null)))).isEqualTo(3);
        assertThat(preview(all(cond("email", "contains", "HF@")))).isEqualTo(1);
        assertThat(preview(all(cond("email", "not_contains", "hf@")))).isEqualTo(2);
        assertThat(preview(all(cond("first_name", "starts_with", "co")))).isEqualTo(1);
        assertThat(preview(all(cond("created", "in_last_days", 1)))).isEqualTo(3);
        assertThat(preview(all(cond("created", "not_in_last_days", 1)))).isZero();
        assertThat(preview(all(cond("last_active", "is_empty", null)))).isEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidCriteriaNameThePath() {
        Api.Response bad = api.post("/api/segments", Map.of("name", "Bad", "criteria", all(
                cond("status", "is", "Hot"),
                all(cond("status", "is", "Boiling"), cond("budget", "gt", 1)),
                cond("custom.nope", "is", "x"),
                cond("tags", "gt", List.of("a")),
                cond("created", "in_last_days", 0),
                Map.of("match", "any", "conditions", List.of()))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsString("path")).containsExactlyInAnyOrder(
                "criteria.conditions[1].conditions[0].value",
                "criteria.conditions[1].conditions[1].field",
                "criteria.conditions[2].field",
                "criteria.conditions[3].operator",
                "criteria.conditions[4].value",
                "criteria.conditions[5].conditions");
        assertThat(api.get("/api/segments").json().size()).isZero();
        Object deep = cond("status", "is", "Hot");
        for (int i = 0; i < 5; i++) {
            deep = all(deep);
        }
        assertThat(preview((Map<String, Object>) deep)).as("depth 5 is allowed").isEqualTo(2);
        deep = all(deep);
        assertThat(api.post("/api/segments/preview", Map.of("criteria", deep)).json().get("errors").get(0)
                .get("message").asString()).contains("5 deep");
        assertThat(api.post("/api/segments/preview", Map.of("criteria", "nonsense")).status()).isEqualTo(400);
        assertThat(api.post("/api/segments/preview", Map.of("criteria", all(cond("created", "before", "+999999-01-01"))))
                .json().get("errors").get(0).get("path").asString()).isEqualTo("criteria.conditions[0].value");
        assertThat(api.post("/api/campaigns", Map.of("name", "Far", "sentAt", "+999999-01-01T00:00:00Z")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/segments/preview", Map.of("criteria", List.of(1, 2))).status()).isEqualTo(400);
        assertThat(api.post("/api/segments/preview", "{\"criteria\":{\"match\":\"all\",\"conditions\":[{\"field\":null}]}}")
                .status()).isEqualTo(400);
    }

    @Test
    void segmentsAreSavedListedWithCurrentCountsDuplicatedAndDeletedWithoutTouchingLeads() {
        Map<String, Object> hot = all(cond("status", "is", "Hot"));
        Api.Response created = api.post("/api/segments", Map.of("name", "Hot leads", "description", "Ready to buy",
                "criteria", hot));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode segment = created.json();
        long id = segment.get("id").asLong();
        assertThat(segment.get("count").asLong()).isEqualTo(2);
        assertThat(segment.get("criteria").get("conditions").get(0).get("value").asString()).isEqualTo("Hot");
        assertThat(api.post("/api/segments", Map.of("name", "HOT LEADS", "criteria", hot)).status()).isEqualTo(409);

        api.patch("/api/leads/" + coldFacebook, Map.of("status", "Hot"));
        assertThat(api.get("/api/segments").json().get(0).get("count").asLong())
                .as("membership is current without any refresh").isEqualTo(3);
        api.delete("/api/leads/" + hotWebsite);
        assertThat(api.get("/api/segments/" + id).json().get("count").asLong()).isEqualTo(2);

        JsonNode copy = api.post("/api/segments/" + id + "/duplicate", null).json();
        assertThat(copy.get("name").asString()).isEqualTo("Hot leads (copy)");
        assertThat(api.post("/api/segments/" + id + "/duplicate", null).json().get("name").asString())
                .isEqualTo("Hot leads (copy 2)");

        Api.Response replaced = api.put("/api/segments/" + id, Map.of("name", "Facebook", "criteria",
                all(cond("source", "in", List.of("facebook")))));
        assertThat(replaced.json().get("count").asLong()).isEqualTo(2);
        assertThat(replaced.json().get("criteria").get("conditions").get(0).get("value").get(0).asString())
                .isEqualTo("Facebook");

        JsonNode members = api.get("/api/segments/" + id + "/leads?page=0&size=1&sort=name_asc").json();
        assertThat(members.get("total").asLong()).isEqualTo(2);
        assertThat(members.get("items").size()).isEqualTo(1);

        assertThat(api.get("/api/leads/" + hotFacebook + "/segments").json().findValuesAsString("name"))
                .containsExactlyInAnyOrder("Facebook", "Hot leads (copy)", "Hot leads (copy 2)");

        assertThat(api.delete("/api/segments/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/segments/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/leads").json().get("total").asLong()).as("leads untouched").isEqualTo(2);
    }

    @Test
    void criteriaRoundTripUnchanged() {
        Map<String, Object> criteria = all(cond("status", "in", List.of("Hot", "Warm")),
                any(cond("tags", "has_any", List.of("VIP")), cond("custom.budget", "between", List.of(100, 500000))),
                cond("engagement", "opened", Map.of("campaign", "last", "within_days", 30)),
                cond("last_active", "is_not_empty", null),
                cond("created", "between", List.of("2026-01-01", "2026-12-31")));
        JsonNode saved = api.post("/api/segments", Map.of("name", "Round trip", "criteria", criteria)).json();
        assertThat(saved.get("criteria")).isEqualTo(Api.JSON.valueToTree(criteria));
        assertThat(saved.get("criteria").toString()).as("canonical key order")
                .startsWith("{\"match\":\"all\",\"conditions\":[{\"field\":\"status\",\"operator\":\"in\",\"value\"");
        long id = saved.get("id").asLong();
        JsonNode again = api.put("/api/segments/" + id, Map.of("name", "Round trip",
                "criteria", saved.get("criteria"))).json();
        assertThat(again.get("criteria")).isEqualTo(saved.get("criteria"));
    }

    @Test
    void engagementConditionsFollowTheLastCampaign() {
        Map<String, Object> openedLast = all(cond("engagement", "opened", Map.of("campaign", "last")));
        Map<String, Object> notOpenedLast = all(cond("engagement", "not_opened", Map.of("campaign", "last")));
        assertThat(preview(openedLast)).as("no campaign sent yet").isZero();
        assertThat(preview(notOpenedLast)).isEqualTo(3);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long older = api.post("/api/campaigns", Map.of("name", "March", "sentAt", now.minus(10, ChronoUnit.DAYS)
                .toString())).id();
        long newer = api.post("/api/campaigns", Map.of("name", "April", "sentAt", now.minus(2, ChronoUnit.DAYS)
                .toString())).id();
        JsonNode results = api.post("/api/email-events", Map.of("events", List.of(
                Map.of("leadId", hotFacebook, "campaignId", older, "type", "opened", "occurredAt", now.minus(9, ChronoUnit.DAYS).toString()),
                Map.of("leadId", hotWebsite, "campaignId", newer, "type", "opened", "occurredAt", now.minus(1, ChronoUnit.DAYS).toString()),
                Map.of("leadId", hotWebsite, "campaignId", newer, "type", "clicked", "occurredAt", now.minus(1, ChronoUnit.DAYS).toString(), "url", "https://example.com"),
                Map.of("leadId", coldFacebook, "campaignId", newer, "type", "unsubscribed", "occurredAt", now.toString()),
                Map.of("leadId", 999_999_999, "campaignId", newer, "type", "opened", "occurredAt", now.toString()),
                Map.of("leadId", hotFacebook, "campaignId", 888_888_888, "type", "opened", "occurredAt", now.toString()),
                Map.of("leadId", hotFacebook, "campaignId", newer, "type", "liked", "occurredAt", now.toString())))).json()
                .get("results");
        assertThat(results.get(0).has("id")).isTrue();
        assertThat(results.get(4).get("errors").get(0).get("path").asString()).isEqualTo("leadId");
        assertThat(results.get(5).get("errors").get(0).get("path").asString()).isEqualTo("campaignId");
        assertThat(results.get(6).get("errors").get(0).get("path").asString()).isEqualTo("type");

        assertThat(preview(openedLast)).isEqualTo(1);
        assertThat(api.post("/api/segments/preview", Map.of("criteria", openedLast)).json().get("sample").get(0)
                .get("id").asLong()).isEqualTo(hotWebsite);
        assertThat(preview(notOpenedLast)).isEqualTo(2);
        assertThat(preview(all(cond("engagement", "opened", Map.of("campaign", "any"))))).isEqualTo(2);
        assertThat(preview(all(cond("engagement", "opened", Map.of("campaign", older))))).isEqualTo(1);
        assertThat(preview(all(cond("engagement", "opened", Map.of("campaign", "any", "within_days", 5))))).isEqualTo(1);
        assertThat(preview(all(cond("engagement", "clicked", Map.of("campaign", "any"))))).isEqualTo(1);
        assertThat(preview(all(cond("last_active", "in_last_days", 3)))).as("opens move lastActiveAt").isEqualTo(1);
        assertThat(api.get("/api/leads/" + coldFacebook).json().get("emailStatus").asString()).isEqualTo("unsubscribed");
    }

    @Test
    void customFieldsUsedBySegmentsCannotBeDeleted() {
        api.post("/api/segments", Map.of("name", "Toronto", "criteria", all(cond("custom.city", "is", "Toronto"))));
        Api.Response refused = api.delete("/api/custom-fields/city");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Toronto");
        assertThat(api.get("/api/leads/" + hotFacebook).json().get("customFields").get("city").asString())
                .isEqualTo("Toronto");
        assertThat(api.delete("/api/custom-fields/budget").status()).isEqualTo(204);
    }
}
