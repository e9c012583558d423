package com.asan.audience.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.asan.audience.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With agentLeadAccess=assigned an agent sees only the leads assigned to them, in lists, pages and every count. */
class AgentLeadAccessTest extends ApiTestBase {

    private static final Map<String, Object> HOT = Map.of("match", "all", "conditions",
            List.of(Map.of("field", "status", "operator", "is", "value", "Hot")));

    @Test
    void anAgentLimitedToTheirLeadsSeesOnlyThemEverywhere() {
        TestAccount account = newAccount();
        Api owner = account.api();
        String email = "limited." + System.nanoTime() + "@test.example";
        long agentId = owner.post("/api/team-members", Map.of("name", "Lee", "email", email, "role", "agent",
                "password", "quiet-meadow-41")).id();
        Api agent = anonymous().withBasic(email, "quiet-meadow-41");
        long mine = owner.post("/api/leads", Map.of("email", "mine@x.example", "status", "Hot", "assignedTo", agentId))
                .id();
        long theirs = owner.post("/api/leads", Map.of("email", "theirs@x.example", "status", "Hot")).id();
        owner.post("/api/leads", Map.of("email", "cold@x.example", "status", "Cold", "assignedTo", agentId));
        long segment = owner.post("/api/segments", Map.of("name", "Hot", "criteria", HOT)).id();

        assertThat(agent.get("/api/leads").json().get("total").asLong()).as("default: all leads").isEqualTo(3);
        Api.Response refused = owner.patch("/api/account", Map.of("agentLeadAccess", "some"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("agentLeadAccess");
        assertThat(owner.patch("/api/account", Map.of("agentLeadAccess", "assigned")).json()
                .get("agentLeadAccess").asString()).isEqualTo("assigned");

        assertThat(agent.get("/api/leads").json().get("total").asLong()).isEqualTo(2);
        assertThat(agent.get("/api/leads?q=theirs").json().get("total").asLong()).isZero();
        assertThat(agent.get("/api/leads/" + mine).status()).isEqualTo(200);
        assertThat(agent.get("/api/leads/" + theirs).status()).isEqualTo(404);
        assertThat(agent.patch("/api/leads/" + theirs, Map.of("status", "Warm")).status()).isEqualTo(404);
        assertThat(agent.get("/api/leads/" + theirs + "/segments").status()).isEqualTo(404);
        assertThat(agent.post("/api/segments/preview", Map.of("criteria", HOT)).json().get("count").asLong())
                .isEqualTo(1);
        assertThat(agent.get("/api/segments/" + segment).json().get("count").asLong()).isEqualTo(1);
        assertThat(agent.get("/api/segments").json().get(0).get("count").asLong()).isEqualTo(1);
        assertThat(agent.get("/api/segments/" + segment + "/leads").json().get("items").findValuesAsString("email"))
                .containsExactly("mine@x.example");
        assertThat(owner.get("/api/segments/" + segment).json().get("count").asLong()).as("owners see all")
                .isEqualTo(2);
        long created = agent.post("/api/leads", Map.of("email", "new@x.example")).id();
        assertThat(owner.get("/api/leads/" + created).json().get("assignedTo").asLong())
                .as("a lead an agent creates is theirs").isEqualTo(agentId);

        WebSession web = WebSession.signIn(port, email, "quiet-meadow-41");
        Api.Response leadsPage = web.get("/leads");
        assertThat(leadsPage.body()).as(leadsPage.status() + " " + leadsPage.headers()).contains("mine@x.example").doesNotContain("theirs@x.example");
        assertThat(web.get("/leads/" + theirs).status()).isEqualTo(404);
        assertThat(web.get("/audience/segments/" + segment).body()).contains("mine@x.example")
                .doesNotContain("theirs@x.example");
        assertThat(web.sendJson("POST", "/audience/api/preview", Map.of("criteria", HOT)).json().get("count").asLong())
                .isEqualTo(1);

        owner.patch("/api/account", Map.of("agentLeadAccess", "all"));
        assertThat(agent.get("/api/leads/" + theirs).status()).isEqualTo(200);
        assertThat(agent.get("/api/segments/" + segment).json().get("count").asLong()).isEqualTo(2);
    }
}
