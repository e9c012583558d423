package com.asan.audience.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.demo.DemoAccountSeeder;
import com.asan.audience.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A tree made over the API, five levels deep and touching every field kind, opens in the builder and saves back unchanged. */
class BuilderRoundTripBrowserTest extends BrowserTestBase {

    @Autowired
    DemoAccountSeeder seeder;

    static Map<String, Object> c(String field, String operator, Object value) {
        return value == null ? Map.of("field", field, "operator", operator)
                : Map.of("field", field, "operator", operator, "value", value);
    }

    static Map<String, Object> g(String match, Object... members) {
        return Map.of("match", match, "conditions", List.of(members));
    }

    @Test
    void everyKindOfConditionSurvivesTheBuilder() {
        var demo = seeder.seed(50, 3L, "roundtrip." + System.nanoTime() + "@test.example", "velvet-lantern-2");
        Api api = anonymous().withKey(demo.apiKey());
        long agent = api.get("/api/team-members").json().get(1).get("id").asLong();
        long campaign = api.post("/api/campaigns", Map.of("name", "Spring", "sentAt", "2026-03-01T10:00:00Z")).id();
        Map<String, Object> criteria = g("all",
                c("status", "in", List.of("Hot", "Warm")),
                c("source", "is_not", "API"),
                g("any",
                        c("tags", "has_all", List.of("VIP", "Buyer")),
                        c("engagement", "not_clicked", Map.of("campaign", campaign, "within_days", 14)),
                        g("none",
                                c("created", "between", List.of("2026-01-01", "2026-03-31")),
                                c("last_active", "is_empty", null),
                                g("all",
                                        c("custom.budget", "between", List.of(250000, 500000.5)),
                                        c("custom.pre_approved", "is", false),
                                        g("any",
                                                c("custom.city", "not_contains", "ville"),
                                                c("custom.property_type", "not_in", List.of("Condo")),
                                                c("custom.move_in_date", "in_last_days", 30),
                                                c("assigned_to", "is", agent),
                                                c("phone_type", "is_not_empty", null),
                                                c("email", "starts_with", "ann"),
                                                c("first_name", "in", List.of("Ann", "Bob")),
                                                c("engagement", "opened", Map.of("campaign", "last")))))));
        Api.Response created = api.post("/api/segments", Map.of("name", "Everything", "criteria", criteria));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode before = created.json().get("criteria");

        signIn(demo.email(), demo.password());
        wait.until(ExpectedConditions.urlContains("/leads"));
        browser.get(url("/audience/segments/" + created.id() + "/edit"));
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("live-count")), "data-count"));
        assertThat(browser.findElements(By.cssSelector("#criteria-tree .condition"))).hasSize(16);
        assertThat(browser.findElements(By.cssSelector("#criteria-tree .condition.incomplete"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#criteria-tree fieldset.group"))).hasSize(5);
        assertThat(browser.findElement(By.id("live-count")).getAttribute("data-count"))
                .isEqualTo(api.post("/api/segments/preview", Map.of("criteria", criteria)).json().get("count").asString());

        browser.findElement(By.id("save-segment")).click();
        wait.until(ExpectedConditions.urlToBe(url("/audience")));
        JsonNode after = api.get("/api/segments/" + created.id()).json().get("criteria");
        assertThat(after).isEqualTo(before);
    }
}
