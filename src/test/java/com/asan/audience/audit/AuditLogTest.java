package com.asan.audience.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every audited change leaves one entry with who, what and the values before and after; a refused one none. */
class AuditLogTest extends ApiTestBase {

    private static final Map<String, Object> ALL = Map.of("match", "all", "conditions", List.of());

    @Test
    void everyKindOfChangeIsRecordedWithWhoAndWhat() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.patch("/api/account", Map.of("name", "Harbour Homes", "postalAddress", "1 Main St"));
        long segment = api.post("/api/segments", Map.of("name", "Everyone", "criteria", ALL)).id();
        api.put("/api/segments/" + segment, Map.of("name", "Everyone now", "criteria", ALL));
        long copy = api.post("/api/segments/" + segment + "/duplicate", null).id();
        api.delete("/api/segments/" + copy);
        long campaign = api.post("/api/campaigns", Map.of("name", "Hello", "subject", "Hi", "fromName", "A",
                "fromEmail", "a@x.example", "html", "<p>x</p>", "segmentId", segment)).id();
        api.put("/api/campaigns/" + campaign, Map.of("name", "Hello again", "subject", "Hi", "fromName", "A",
                "fromEmail", "a@x.example", "html", "<p>x</p>", "segmentId", segment));
        api.post("/api/campaigns/" + campaign + "/schedule", Map.of("sendAt", "2099-01-01T09:00:00Z"));
        api.post("/api/campaigns/" + campaign + "/cancel", null);
        api.delete("/api/campaigns/" + campaign);
        api.post("/api/custom-fields", Map.of("key", "budget", "label", "Budget", "type", "number"));
        api.patch("/api/custom-fields/budget", Map.of("label", "Max budget"));
        api.delete("/api/custom-fields/budget");
        api.post("/api/leads", Map.of("email", "t@x.example", "tags", List.of("buyer", "vip")));
        Map<String, Long> tags = new java.util.HashMap<>();
        api.get("/api/tags").json().forEach(t -> tags.put(t.get("name").asString(), t.get("id").asLong()));
        api.patch("/api/tags/" + tags.get("buyer"), Map.of("name", "Buyer 2026"));
        api.delete("/api/tags/" + tags.get("vip"));
        long member = api.post("/api/team-members", Map.of("name", "Kim", "email", "kim." + System.nanoTime()
                + "@test.example", "role", "agent")).id();
        api.patch("/api/team-members/" + member, Map.of("role", "admin"));
        api.delete("/api/team-members/" + member);
        long key = api.post("/api/api-keys", Map.of("name", "Zapier")).id();
        api.delete("/api/api-keys/" + key);
        String form = api.post("/api/forms", Map.of("name", "Open house")).json().get("key").asString();
        api.patch("/api/forms/" + form, Map.of("name", "Open house 2"));
        api.delete("/api/forms/" + form);
        api.upload("/api/imports", "a.csv", "email\nz@x.example\n".getBytes(StandardCharsets.UTF_8),
                Map.of("options", "{\"mapping\":{\"email\":\"email\"}}"));

        Api.Response page = api.get("/api/audit?size=100");
        assertThat(page.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        page.json().get("items").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactlyInAnyOrder("account.changed", "segment.created", "segment.changed",
                "segment.created", "segment.deleted", "campaign.created", "campaign.changed", "campaign.scheduled",
                "campaign.cancelled", "campaign.deleted", "custom-field.created", "custom-field.changed",
                "custom-field.deleted", "tag.renamed", "tag.deleted", "team-member.added", "team-member.changed",
                "team-member.removed", "api-key.created", "api-key.revoked", "form.created", "form.changed",
                "form.deleted", "import.uploaded", "import.started");
        JsonNode newest = page.json().get("items").get(0);
        assertThat(newest.get("actor").asString()).isEqualTo(account.email());
        assertThat(newest.get("memberId").asLong()).isEqualTo(account.ownerId());
        JsonNode role = entry(api, "team-member.changed");
        assertThat(role.get("before").get("role").asString()).isEqualTo("agent");
        assertThat(role.get("after").get("role").asString()).isEqualTo("admin");
        JsonNode renamed = entry(api, "tag.renamed");
        assertThat(renamed.get("before").get("name").asString()).isEqualTo("buyer");
        assertThat(renamed.get("after").get("name").asString()).isEqualTo("Buyer 2026");
        assertThat(entry(api, "account.changed").get("after").get("name").asString()).isEqualTo("Harbour Homes");
        assertThat(api.get("/api/audit?type=segment").json().get("total").asLong()).isEqualTo(4);
        assertThat(api.get("/api/audit?type=segment.deleted").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/audit?type=DROP%20TABLE").status()).isEqualTo(400);
    }

    @Test
    void aRefusedChangeLeavesNoEntryAndOtherAccountsSeeNone() {
        TestAccount account = newAccount();
        account.api().post("/api/segments", Map.of("name", "Taken", "criteria", ALL));
        assertThat(account.api().post("/api/segments", Map.of("name", "Taken", "criteria", ALL)).status())
                .isEqualTo(409);
        assertThat(account.api().get("/api/audit?type=segment").json().get("total").asLong()).isEqualTo(1);
        assertThat(newAccount().api().get("/api/audit").json().get("total").asLong()).isZero();
    }

    private static JsonNode entry(Api api, String type) {
        return api.get("/api/audit?type=" + type).json().get("items").get(0);
    }
}
