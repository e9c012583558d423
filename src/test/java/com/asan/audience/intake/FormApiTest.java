package com.asan.audience.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FormApiTest extends ApiTestBase {

    static final String SITE = "https://homes.example.com";

    @Test
    void formSettingsAreValidatedAndManaged() {
        Api api = newAccount().api();
        Api.Response bad = api.post("/api/forms", Map.of("allowedOrigins", List.of("https://ok.example", "not a url",
                "https://x.example/path"), "redirectUrl", "javascript:alert(1)"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"name\"", "allowedOrigins[1]", "allowedOrigins[2]", "redirectUrl");

        JsonNode form = api.post("/api/forms", Map.of("name", "Open house", "allowedOrigins", List.of(SITE + "/"),
                "redirectUrl", SITE + "/thanks", "tags", List.of("open house"))).json();
        String key = form.get("key").asString();
        assertThat(key).startsWith("f_");
        assertThat(form.get("allowedOrigins").get(0).asString()).isEqualTo(SITE);
        assertThat(api.get("/api/forms").json().get("items")).hasSize(1);
        JsonNode changed = api.patch("/api/forms/" + key, Map.of("name", "Open house 2")).json();
        assertThat(changed.get("name").asString()).isEqualTo("Open house 2");
        assertThat(changed.get("redirectUrl").asString()).isEqualTo(SITE + "/thanks");
        assertThat(newAccount().api().get("/api/forms/" + key).status()).isEqualTo(404);
        assertThat(api.delete("/api/forms/" + key).status()).isEqualTo(204);
        assertThat(api.get("/api/forms/" + key).status()).isEqualTo(404);
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        TestAccount account = newAccount();
        String key = form(account.api(), null);
        Api.Response preflight = preflight(key, SITE);
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
        assertThat(preflight(key, "https://evil.example").status()).isEqualTo(403);
        assertThat(preflight(key, "https://evil.example").header("Access-Control-Allow-Origin")).isNull();

        Api.Response allowed = postJson(key, SITE, Map.of("email", "cors@example.com", "firstName", "Cora"));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(202);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(SITE);

        Api.Response refused = postJson(key, "https://evil.example", Map.of("email", "evil@example.com"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(leads(account, "evil@example.com")).isZero();
        assertThat(leads(account, "cors@example.com")).isOne();
        assertThat(account.api().get("/api/leads?q=cors@example.com").json().get("items").get(0).get("source")
                .asString()).isEqualTo("Website");
    }

    @Test
    void honeypotSubmissionsAreAnsweredButNotStored() {
        TestAccount account = newAccount();
        String key = form(account.api(), SITE + "/thanks");
        Api.Response bot = postForm(key, SITE, "email=bot%40example.com&_honeypot=http%3A%2F%2Fspam.example");
        assertThat(bot.status()).isEqualTo(303);
        assertThat(bot.header("Location")).isEqualTo(SITE + "/thanks");
        assertThat(leads(account, "bot@example.com")).isZero();

        Api.Response human = postForm(key, SITE, "email=human%40example.com&name=Hu+Man&_honeypot=");
        assertThat(human.status()).isEqualTo(303);
        assertThat(leads(account, "human@example.com")).isOne();
    }

    @Test
    void submittedTagsAreStoredAndARepeatSubmissionAddsItsOwn() {
        TestAccount account = newAccount();
        String key = form(account.api(), null);
        assertThat(postForm(key, SITE, "email=tagged%40example.com&tags=Buyer").status()).isEqualTo(200);
        assertThat(lead(account, "tagged@example.com").get("tags").toString()).contains("Buyer", "web form");
        assertThat(postJson(key, SITE, Map.of("email", "tagged@example.com", "tags", "VIP, First-time buyer"))
                .status()).isEqualTo(202);
        JsonNode tags = lead(account, "tagged@example.com").get("tags");
        assertThat(tags.toString()).contains("Buyer", "VIP", "First-time buyer", "web form");
        assertThat(leads(account, "tagged@example.com")).isOne();
    }

    @Test
    void repeatSubmissionsUpdateTheSameLead() {
        TestAccount account = newAccount();
        account.api().post("/api/custom-fields", Map.of("key", "budget", "label", "Budget", "type", "number"));
        String key = form(account.api(), null);
        assertThat(postJson(key, SITE, Map.of("email", "Repeat@Example.com", "firstName", "Rae")).status())
                .isEqualTo(202);
        JsonNode first = lead(account, "repeat@example.com");
        assertThat(postJson(key, SITE, Map.of("email", "repeat@example.com", "firstName", "Other", "phone",
                "+1 416 555 0199", "budget", "450000")).status()).isEqualTo(202);
        assertThat(leads(account, "repeat@example.com")).isOne();
        JsonNode second = lead(account, "repeat@example.com");
        assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(second.get("firstName").asString()).isEqualTo("Rae");
        assertThat(second.get("phone").asString()).isEqualTo("+14165550199");
        assertThat(second.get("customFields").get("budget").asInt()).isEqualTo(450000);
        assertThat(second.get("tags").toString()).contains("web form");
        assertThat(second.get("lastActiveAt").asString()).isGreaterThan(first.get("lastActiveAt").asString());

        Api.Response invalid = postJson(key, SITE, Map.of("email", "not-an-email"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("path").asString()).isEqualTo("email");
        Api.Response badNumber = postJson(key, SITE, Map.of("email", "n@example.com", "budget", "lots"));
        assertThat(badNumber.json().get("errors").get(0).get("path").asString()).isEqualTo("budget");
        assertThat(postJson("f_1_000000000000000000000000", SITE, Map.of("email", "x@example.com")).status())
                .isEqualTo(404);
    }

    @Test
    void submissionsFromOneAddressAreRateLimited() {
        TestAccount account = newAccount();
        String key = form(account.api(), null);
        // windows are calendar minutes: if a minute turns during the burst, the count starts again, so the first
        // refusal comes after 10 accepted submissions, or after up to 10 more
        int accepted = 0;
        Api.Response limited = null;
        for (int i = 0; i < 21 && limited == null; i++) {
            Api.Response response = postJson(key, SITE, Map.of("email", "burst" + i + "@example.com"));
            if (response.status() == 429) {
                limited = response;
                assertThat(leads(account, "burst" + i + "@example.com")).as("a refused submission is not stored").isZero();
            } else {
                assertThat(response.status()).isEqualTo(202);
                accepted++;
            }
        }
        assertThat(limited).as("the 11th submission within a minute is refused").isNotNull();
        assertThat(accepted).isBetween(10, 20);
        assertThat(limited.contentType()).startsWith("application/problem+json");
    }

    private String form(Api api, String redirect) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Website", "allowedOrigins", List.of(SITE),
                "tags", List.of("web form")));
        body.put("redirectUrl", redirect);
        Api.Response created = api.post("/api/forms", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private Api.Response preflight(String key, String origin) {
        return anonymous().raw(HttpRequest.newBuilder(URI.create(anonymous().base() + "/api/intake/forms/" + key))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST"));
    }

    private Api.Response postJson(String key, String origin, Map<String, Object> body) {
        return anonymous().raw(HttpRequest.newBuilder(URI.create(anonymous().base() + "/api/intake/forms/" + key))
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").header("Origin", origin));
    }

    private Api.Response postForm(String key, String origin, String body) {
        return anonymous().raw(HttpRequest.newBuilder(URI.create(anonymous().base() + "/api/intake/forms/" + key))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin));
    }

    private long leads(TestAccount account, String email) {
        return account.api().get("/api/leads?q=" + email).json().get("total").asLong();
    }

    private JsonNode lead(TestAccount account, String email) {
        return account.api().get("/api/leads?q=" + email).json().get("items").get(0);
    }
}
