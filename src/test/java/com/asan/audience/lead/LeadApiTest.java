package com.asan.audience.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LeadApiTest extends ApiTestBase {

    Api api;

    @BeforeEach
    void account() {
        api = newAccount().api();
        assertThat(api.post("/api/custom-fields", Map.of("key", "budget", "label", "Budget", "type", "number")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/custom-fields", Map.of("key", "city", "label", "City", "type", "text")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/custom-fields", Map.of("key", "property_type", "label", "Property type",
                "type", "select", "options", List.of("Condo", "Detached"))).status()).isEqualTo(201);
    }

    @Test
    void createsAndNormalisesALead() {
        Api.Response created = api.post("/api/leads", Map.of("firstName", " Ada ", "email", "Ada@Example.com",
                "phone", "+44 7911 123456", "status", "hot", "tags", List.of(" Buyer", "buyer", "VIP"),
                "customFields", Map.of("budget", 500000, "city", "Toronto", "property_type", "condo")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode lead = created.json();
        assertThat(lead.get("firstName").asString()).isEqualTo("Ada");
        assertThat(lead.get("phone").asString()).isEqualTo("+447911123456");
        assertThat(lead.get("phoneType").asString()).isEqualTo("mobile");
        assertThat(lead.get("status").asString()).isEqualTo("Hot");
        assertThat(lead.get("source").asString()).isEqualTo("API");
        assertThat(lead.get("emailStatus").asString()).isEqualTo("subscribed");
        assertThat(lead.get("tags").valueStream().map(JsonNode::asString)).containsExactly("Buyer", "VIP");
        assertThat(lead.get("customFields").get("property_type").asString()).isEqualTo("Condo");
        assertThat(api.get("/api/leads/" + created.id()).json().get("email").asString()).isEqualTo("Ada@Example.com");
    }

    @Test
    void northAmericanNumbersStayUnknownUnlessGiven() {
        assertThat(api.post("/api/leads", Map.of("phone", "(416) 555-0199")).json().get("phoneType").asString())
                .isEqualTo("unknown");
        assertThat(api.post("/api/leads", Map.of("phone", "416 555 0198", "phoneType", "Landline")).json()
                .get("phoneType").asString()).isEqualTo("landline");
        assertThat(api.post("/api/leads", Map.of("phone", "+44 20 7946 0958")).json().get("phoneType").asString())
                .isEqualTo("landline");
        assertThat(api.post("/api/leads", Map.of("firstName", "No phone")).json().get("phoneType").isNull()).isTrue();
    }

    @Test
    void duplicateEmailAnswers409WithTheExistingId() {
        long id = api.post("/api/leads", Map.of("email", "dup@example.com")).id();
        Api.Response again = api.post("/api/leads", Map.of("email", "DUP@example.com"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("existingId").asLong()).isEqualTo(id);
        long other = api.post("/api/leads", Map.of("email", "other@example.com")).id();
        assertThat(api.patch("/api/leads/" + other, Map.of("email", "dup@example.com")).status()).isEqualTo(409);
    }

    @Test
    void badInputNamesEveryFieldAndStoresNothing() {
        Api.Response bad = api.post("/api/leads", Map.of("email", "nope", "status", "Lukewarm", "source", "TV",
                "phone", "12", "customFields", Map.of("budget", "lots", "city", 5, "property_type", "Castle",
                        "unknown_key", 1), "tags", "not-a-list", "surprise", true));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsString("path")).containsExactlyInAnyOrder("email", "status",
                "source", "phone", "customFields.budget", "customFields.city", "customFields.property_type",
                "customFields.unknown_key", "tags", "surprise");
        assertThat(api.get("/api/leads").json().get("total").asLong()).isZero();
        assertThat(api.post("/api/leads", Map.of("firstName", "x".repeat(1001))).status()).isEqualTo(400);
        assertThat(api.post("/api/leads", "[1,2]").status()).isEqualTo(400);
        assertThat(api.post("/api/leads", "{\"firstName\":").status()).isEqualTo(400);
        assertThat(api.post("/api/leads", "{\"createdAt\":\"yesterday\"}").json().get("errors").get(0)
                .get("path").asString()).isEqualTo("createdAt");
        assertThat(api.post("/api/leads", Map.of("createdAt", "+999999-01-01T00:00:00Z")).json().get("errors").get(0)
                .get("path").asString()).as("a year PostgreSQL cannot store is a 400, not a 500").isEqualTo("createdAt");
        assertThat(api.post("/api/leads", Map.of("lastActiveAt", "-0005-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(api.get("/api/leads/abc").status()).isEqualTo(400);
        assertThat(api.get("/api/leads?size=100000").status()).isEqualTo(400);
        assertThat(api.get("/api/leads?page=2147483647&size=100").status()).as("an offset past 2^31 is a 400, not a 500")
                .isEqualTo(400);
        Api.Response nul = api.post("/api/leads", Map.of("firstName", "Ab\u0000c", "customFields", Map.of("city", "\u0000")));
        assertThat(nul.status()).as("PostgreSQL cannot store U+0000 in text: a 400, not a 500").isEqualTo(400);
        assertThat(nul.json().get("errors").findValuesAsString("path")).containsExactlyInAnyOrder("firstName",
                "customFields.city");
        assertThat(api.get("/api/leads").json().get("total").asLong()).isZero();
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "{\"firstName\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.Response response = api.post("/api/leads", huge);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void patchChangesOnlyWhatIsSent() {
        long id = api.post("/api/leads", Map.of("firstName", "Bo", "email", "bo@example.com", "tags", List.of("A"),
                "customFields", Map.of("budget", 100, "city", "Ottawa"))).id();
        Api.Response patched = api.patch("/api/leads/" + id, Map.of("status", "Warm",
                "customFields", Map.of("budget", 250.5)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode lead = patched.json();
        assertThat(lead.get("firstName").asString()).isEqualTo("Bo");
        assertThat(lead.get("status").asString()).isEqualTo("Warm");
        assertThat(lead.get("tags").get(0).asString()).isEqualTo("A");
        assertThat(lead.get("customFields").get("city").asString()).isEqualTo("Ottawa");
        assertThat(lead.get("customFields").get("budget").decimalValue()).isEqualByComparingTo("250.5");
        var unset = new java.util.HashMap<String, Object>();
        unset.put("city", null);
        lead = api.patch("/api/leads/" + id, Map.of("customFields", unset, "tags", List.of())).json();
        assertThat(lead.get("customFields").has("city")).isFalse();
        assertThat(lead.get("tags").size()).isZero();
        assertThat(api.patch("/api/leads/" + id, Map.of("status", "Boiling")).status()).isEqualTo(400);
        assertThat(api.get("/api/leads/" + id).json().get("status").asString()).isEqualTo("Warm");
    }

    @Test
    void listsPagesAndSearches() {
        api.post("/api/leads", Map.of("firstName", "Zed", "lastName", "Alpha", "email", "zed@example.com"));
        api.post("/api/leads", Map.of("firstName", "Yan", "email", "yan@example.com", "phone", "(613) 555-0101"));
        api.post("/api/leads", Map.of("firstName", "Xia"));
        JsonNode page = api.get("/api/leads?page=0&size=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(api.get("/api/leads?q=ALPHA").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/leads?q=yan@").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/leads?q=6135550101").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aBatchRefusesARepeatedEmailButNotASharedPhone() {
        List<Object> items = List.of(Map.of("email", "twice@example.com", "firstName", "First"),
                Map.of("email", "TWICE@example.com", "firstName", "Second"),
                Map.of("phone", "+1 416 555 0101", "firstName", "Phone A"),
                Map.of("phone", "+1 416 555 0101", "firstName", "Phone B"));
        JsonNode results = api.post("/api/leads/batch", Map.of("leads", items)).json().get("results");
        long first = results.get(0).get("id").asLong();
        assertThat(results.get(1).get("errors").get(0).get("path").asString()).isEqualTo("email");
        assertThat(results.get(1).get("errors").get(0).get("message").asString()).contains("(id " + first + ")");
        assertThat(results.get(2).has("id")).isTrue();
        assertThat(results.get(3).has("id")).as("two leads may share a phone").isTrue();
        assertThat(api.get("/api/leads/" + results.get(3).get("id").asLong()).json().get("phoneType").asString())
                .isNotBlank();
    }

    @Test
    void batchStoresValidItemsAndReportsBadOnes() {
        api.post("/api/leads", Map.of("email", "taken@example.com"));
        List<Object> items = new ArrayList<>();
        items.add(Map.of("firstName", "Good"));
        items.add(Map.of("email", "broken"));
        items.add(Map.of("email", "taken@example.com"));
        items.add("not an object");
        items.add(Map.of("firstName", "Also good", "customFields", Map.of("budget", 1)));
        JsonNode results = api.post("/api/leads/batch", Map.of("leads", items)).json().get("results");
        assertThat(results.size()).isEqualTo(5);
        assertThat(results.get(0).has("id")).isTrue();
        assertThat(results.get(1).get("errors").get(0).get("path").asString()).isEqualTo("email");
        assertThat(results.get(2).get("errors").get(0).get("message").asString()).contains("already exists");
        assertThat(results.get(3).has("errors")).isTrue();
        assertThat(results.get(4).get("index").asInt()).isEqualTo(4);
        assertThat(results.get(4).has("id")).isTrue();
        assertThat(api.get("/api/leads").json().get("total").asLong()).isEqualTo(3);
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of());
        }
        assertThat(api.post("/api/leads/batch", Map.of("leads", tooMany)).status()).isEqualTo(400);
    }

    @Test
    void tagsAreListedRenamedMergedAndDeleted() {
        long a = api.post("/api/leads", Map.of("tags", List.of("Buyer", "VIP"))).id();
        long b = api.post("/api/leads", Map.of("tags", List.of("buyer", "Investor"))).id();
        JsonNode tags = api.get("/api/tags").json();
        assertThat(tags.findValuesAsString("name")).containsExactly("Buyer", "Investor", "VIP");
        long buyer = tags.get(0).get("id").asLong();
        assertThat(tags.get(0).get("leads").asLong()).isEqualTo(2);
        assertThat(api.patch("/api/tags/" + buyer, Map.of("name", "Home buyer")).json().get("name").asString())
                .isEqualTo("Home buyer");
        assertThat(api.get("/api/leads/" + b).body()).contains("Home buyer");
        long vip = api.get("/api/tags").json().valueStream().filter(t -> t.get("name").asString().equals("VIP"))
                .findFirst().orElseThrow().get("id").asLong();
        assertThat(api.patch("/api/tags/" + vip, Map.of("name", "investor")).status()).isEqualTo(200);
        assertThat(api.get("/api/tags").json().findValuesAsString("name")).containsExactly("Home buyer", "Investor");
        assertThat(api.get("/api/leads/" + a).body()).contains("Investor").doesNotContain("VIP");
        long investor = api.get("/api/tags").json().get(1).get("id").asLong();
        assertThat(api.delete("/api/tags/" + investor).status()).isEqualTo(204);
        assertThat(api.get("/api/leads/" + a).body()).doesNotContain("Investor");
        assertThat(api.get("/api/leads").json().get("total").asLong()).isEqualTo(2);
        assertThat(linksTo(investor)).isZero();

        assertThat(api.delete("/api/leads/" + b).status()).isEqualTo(204);
        assertThat(api.get("/api/tags").json().get(0).get("leads").asLong()).isEqualTo(1);
        assertThat(linksOf(b)).isZero();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    // lead_tags has no foreign keys (V6): the repository deletes a lead's or a tag's links itself
    private long linksTo(long tagId) {
        return jdbc.queryForObject("select count(*) from lead_tags where tag_id = ?", Long.class, tagId);
    }

    private long linksOf(long leadId) {
        return jdbc.queryForObject("select count(*) from lead_tags where lead_id = ?", Long.class, leadId);
    }

    @Test
    void customFieldTypeChangesAreRefusedWhileValuesExist() {
        assertThat(api.patch("/api/custom-fields/city", Map.of("type", "number")).status()).isEqualTo(200);
        assertThat(api.patch("/api/custom-fields/city", Map.of("type", "text")).status()).isEqualTo(200);
        api.post("/api/leads", Map.of("customFields", Map.of("city", "Halifax")));
        Api.Response refused = api.patch("/api/custom-fields/city", Map.of("type", "number"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("type");
        assertThat(api.patch("/api/custom-fields/city", Map.of("label", "Town")).json().get("label").asString())
                .isEqualTo("Town");
        assertThat(api.post("/api/custom-fields", Map.of("key", "city", "type", "text")).status()).isEqualTo(409);
        assertThat(api.post("/api/custom-fields", Map.of("key", "Bad Key", "type", "color")).json().get("errors")
                .findValuesAsString("path")).containsExactlyInAnyOrder("key", "type");
        assertThat(api.delete("/api/custom-fields/city").status()).isEqualTo(204);
        assertThat(api.get("/api/leads").body()).doesNotContain("Halifax");
        assertThat(api.get("/api/custom-fields").json().findValuesAsString("key"))
                .containsExactly("budget", "property_type");
    }

    @Test
    void assignmentMustNameATeamMemberOfTheAccount() {
        long ownerId = api.get("/api/team-members").json().get(0).get("id").asLong();
        assertThat(api.post("/api/leads", Map.of("assignedTo", ownerId)).json().get("assignedTo").asLong())
                .isEqualTo(ownerId);
        long foreignMember = newAccount().ownerId();
        Api.Response refused = api.post("/api/leads", Map.of("assignedTo", foreignMember));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("assignedTo");
    }
}
