package com.asan.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every id-addressed endpoint answers another account's id exactly like an id that does not exist. */
class CrossAccountIsolationTest extends ApiTestBase {

    record Probe(String method, String path, Object body) {
    }

    @Test
    void foreignIdsAnswer404LikeMissingOnes() {
        TestAccount owner = newAccount();
        Api victim = owner.api();
        long lead = victim.post("/api/leads", Map.of("firstName", "Private", "tags", List.of("Secret"))).id();
        long member = victim.post("/api/team-members", Map.of("name", "Agent", "email", "a." + owner.email(),
                "role", "agent")).id();
        long key = victim.post("/api/api-keys", Map.of("name", "k")).id();
        long tag = victim.get("/api/tags").json().get(0).get("id").asLong();
        victim.post("/api/custom-fields", Map.of("key", "secret_field", "type", "text"));
        long upload = victim.upload("/api/imports/uploads", "private.csv",
                "email\nprivate@example.com\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of()).id();
        long segment = victim.post("/api/segments", Map.of("name", "Secret segment", "criteria",
                Map.of("match", "all", "conditions", List.of()))).id();
        Map<String, Object> campaignBody = Map.of("name", "Secret", "subject", "S", "fromName", "F",
                "fromEmail", "f@asan.example", "html", "<p>x</p>", "segmentId", segment);
        long campaign = victim.post("/api/campaigns", campaignBody).id();
        String form = victim.post("/api/forms", Map.of("name", "Private form")).json().get("key").asString();

        Api intruder = newAccount().api();
        long missing = 9_000_000_000L;
        List<Probe> probes = List.of(
                new Probe("GET", "/api/leads/%d", null),
                new Probe("PATCH", "/api/leads/%d", Map.of("firstName", "Hacked")),
                new Probe("DELETE", "/api/leads/%d", null),
                new Probe("GET", "/api/team-members/%d", null),
                new Probe("PATCH", "/api/team-members/%d", Map.of("name", "Hacked")),
                new Probe("DELETE", "/api/team-members/%d", null),
                new Probe("DELETE", "/api/api-keys/%d", null),
                new Probe("PATCH", "/api/tags/%d", Map.of("name", "Hacked")),
                new Probe("DELETE", "/api/tags/%d", null),
                new Probe("GET", "/api/imports/%d", null),
                new Probe("GET", "/api/imports/%d/preview", null),
                new Probe("GET", "/api/imports/%d/errors", null),
                new Probe("POST", "/api/imports/%d/start", Map.of()),
                new Probe("GET", "/api/segments/%d", null),
                new Probe("GET", "/api/campaigns/%d", null),
                new Probe("PUT", "/api/campaigns/%d", campaignBody),
                new Probe("POST", "/api/campaigns/%d/send", Map.of()),
                new Probe("POST", "/api/campaigns/%d/cancel", Map.of()),
                new Probe("GET", "/api/campaigns/%d/audience", null),
                new Probe("GET", "/api/campaigns/%d/recipients", null),
                new Probe("DELETE", "/api/campaigns/%d", null));
        Map<String, Long> ids = Map.of("leads", lead, "team-members", member, "api-keys", key, "tags", tag,
                "imports", upload, "segments", segment, "campaigns", campaign);
        for (Probe probe : probes) {
            long foreignId = ids.get(probe.path().split("/")[2]);
            Api.Response foreign = intruder.send(probe.method(), probe.path().formatted(foreignId), probe.body());
            Api.Response absent = intruder.send(probe.method(), probe.path().formatted(missing), probe.body());
            assertThat(foreign.status()).as(probe + " on a foreign id").isEqualTo(404);
            // only the id in the path differs; a bare replace would also hit "404" when the id is 40
            assertThat(foreign.body().replace("/" + foreignId, "/ID"))
                    .as(probe + " must not tell foreign from missing")
                    .isEqualTo(absent.body().replace("/" + missing, "/ID"));
        }
        assertThat(intruder.get("/api/forms/" + form).status()).isEqualTo(404);
        assertThat(intruder.patch("/api/forms/" + form, Map.of("name", "Hacked")).status()).isEqualTo(404);
        assertThat(intruder.delete("/api/forms/" + form).status()).isEqualTo(404);
        assertThat(victim.get("/api/forms/" + form).json().get("name").asString()).isEqualTo("Private form");
        assertThat(victim.get("/api/campaigns/" + campaign).json().get("status").asString()).isEqualTo("draft");
        assertThat(victim.get("/api/imports/" + upload).json().get("status").asString()).isEqualTo("uploaded");
        assertThat(intruder.patch("/api/custom-fields/secret_field", Map.of("label", "x")).status()).isEqualTo(404);
        assertThat(intruder.delete("/api/custom-fields/secret_field").status()).isEqualTo(404);
        assertThat(intruder.get("/api/leads").json().get("total").asLong()).isZero();
        assertThat(intruder.get("/api/tags").json().size()).isZero();
        assertThat(intruder.get("/api/custom-fields").json().size()).isZero();
        assertThat(intruder.get("/api/team-members").json().size()).isEqualTo(1);

        assertThat(victim.get("/api/leads/" + lead).json().get("firstName").asString()).isEqualTo("Private");
        assertThat(victim.get("/api/leads/" + lead).body()).contains("Secret");
        assertThat(victim.get("/api/team-members/" + member).status()).isEqualTo(200);
        assertThat(victim.get("/api/custom-fields").body()).contains("secret_field");
    }
}
