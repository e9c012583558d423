package com.asan.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AccountApiTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signUpReturnsKeyOnceAndStoresOnlyHashes() {
        TestAccount account = newAccount();
        Api.Response me = account.api().get("/api/account");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("timeZone").asString()).isEqualTo("UTC");
        assertThat(me.json().get("defaultRegion").asString()).isEqualTo("CA");

        String hash = jdbc.queryForObject("select password_hash from team_members where account_id = ? and id = ?",
                String.class, account.accountId(), account.ownerId());
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(account.password());
        assertThat(jdbc.queryForList("select key_hash from api_keys where account_id = ?", String.class,
                account.accountId())).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(account.api().get("/api/api-keys").body()).doesNotContain("aud_");
    }

    @Test
    void basicAuthWithEmailAndPasswordWorks() {
        TestAccount account = newAccount();
        assertThat(anonymous().withBasic(account.email(), account.password()).get("/api/account").status())
                .isEqualTo(200);
        assertThat(anonymous().withBasic(account.email(), "wrong-password").get("/api/account").status())
                .isEqualTo(401);
        assertThat(anonymous().get("/api/account").status()).isEqualTo(401);
        assertThat(anonymous().withKey("aud_1_nope").get("/api/account").status()).isEqualTo(401);
    }

    @Test
    void signUpRejectsBadInputWithPaths() {
        Api.Response response = anonymous().post("/api/accounts",
                Map.of("accountName", "", "name", "X", "email", "not-an-email", "password", "short"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("path"))
                .containsExactlyInAnyOrder("accountName", "email", "password");
        assertThat(anonymous().post("/api/accounts", "{\"accountName\":\"A\",\"bogus\":1}").json()
                .get("errors").get(0).get("path").asString()).isEqualTo("bogus");
        assertThat(anonymous().post("/api/accounts", "{not json").status()).isEqualTo(400);
    }

    @Test
    void duplicateSignUpEmailIsAConflict() {
        TestAccount account = newAccount();
        Api.Response again = anonymous().post("/api/accounts", Map.of("accountName", "B", "name", "B",
                "email", account.email().toUpperCase(), "password", "secret-pass-1"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void accountSettingsValidateTimeZoneAndRegion() {
        Api api = newAccount().api();
        Api.Response ok = api.patch("/api/account", Map.of("name", "Maple", "timeZone", "America/Toronto",
                "defaultRegion", "gb", "postalAddress", "1 King St W, Toronto"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("defaultRegion").asString()).isEqualTo("GB");
        Api.Response bad = api.patch("/api/account", Map.of("timeZone", "Mars/Olympus", "defaultRegion", "XX"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("path")).containsExactlyInAnyOrder("timeZone",
                "defaultRegion");
        assertThat(api.get("/api/account").json().get("timeZone").asString()).isEqualTo("America/Toronto");
    }

    @Test
    void ownersAndAdminsManageTheTeamButAgentsDoNot() {
        TestAccount account = newAccount();
        Api owner = account.api();
        Api.Response agent = owner.post("/api/team-members",
                Map.of("name", "Ann Agent", "email", "agent." + account.email(), "role", "agent", "password", "quiet-meadow-41"));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        assertThat(agent.json().get("role").asString()).isEqualTo("agent");
        assertThat(agent.json().has("password")).isFalse();
        Api asAgent = anonymous().withBasic("agent." + account.email(), "quiet-meadow-41");
        assertThat(asAgent.get("/api/team-members").status()).isEqualTo(200);
        assertThat(asAgent.post("/api/team-members", Map.of("name", "X", "email", "x." + account.email(),
                "role", "agent")).status()).isEqualTo(403);
        assertThat(asAgent.delete("/api/team-members/" + account.ownerId()).status()).isEqualTo(403);

        long agentId = agent.id();
        Api.Response promoted = owner.patch("/api/team-members/" + agentId, Map.of("role", "admin"));
        assertThat(promoted.json().get("role").asString()).isEqualTo("admin");
        assertThat(owner.patch("/api/team-members/" + agentId, Map.of("role", "boss")).status()).isEqualTo(400);
        assertThat(owner.patch("/api/team-members/" + account.ownerId(), Map.of("role", "agent")).status())
                .isEqualTo(409);
        assertThat(owner.delete("/api/team-members/" + agentId).status()).isEqualTo(204);
        assertThat(owner.get("/api/team-members/" + agentId).status()).isEqualTo(404);
    }

    @Test
    void apiKeysCanBeCreatedAndRevoked() {
        TestAccount account = newAccount();
        Api.Response created = account.api().post("/api/api-keys", Map.of("name", "Zapier"));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("apiKey").asString();
        Api second = anonymous().withKey(key);
        assertThat(second.get("/api/account").status()).isEqualTo(200);
        assertThat(account.api().delete("/api/api-keys/" + created.id()).status()).isEqualTo(204);
        assertThat(second.get("/api/account").status()).isEqualTo(401);
        assertThat(account.api().delete("/api/api-keys/" + created.id()).status()).isEqualTo(404);
    }

    @Test
    void aMemberChangeReachesTheirRememberedApiKeyAtOnce() {
        TestAccount account = newAccount();
        Api owner = account.api();
        long agentId = owner.post("/api/team-members", Map.of("name", "Kay Agent", "email", "kay." + account.email(),
                "role", "agent", "password", "quiet-meadow-41")).id();
        String key = anonymous().withBasic("kay." + account.email(), "quiet-meadow-41")
                .post("/api/api-keys", Map.of("name", "Kay's script")).json().get("apiKey").asString();
        Api kay = anonymous().withKey(key);
        Map<String, String> newMember = Map.of("name", "New", "email", "new." + account.email(), "role", "agent",
                "password", "quiet-meadow-42");
        assertThat(kay.post("/api/team-members", newMember).status()).isEqualTo(403);

        assertThat(owner.patch("/api/team-members/" + agentId, Map.of("role", "admin")).status()).isEqualTo(200);
        assertThat(kay.post("/api/team-members", newMember).status()).isEqualTo(201);

        assertThat(owner.delete("/api/team-members/" + agentId).status()).isEqualTo(204);
        assertThat(kay.get("/api/account").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailedSignInsAreThrottled() {
        TestAccount account = newAccount();
        Api wrong = anonymous().withBasic(account.email(), "wrong-password");
        for (int i = 0; i < SignInThrottle.PER_NAME_AND_ADDRESS; i++) {
            assertThat(wrong.get("/api/account").status()).isEqualTo(401);
        }
        Api.Response throttled = wrong.get("/api/account");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(anonymous().withBasic(account.email(), account.password()).get("/api/account").status())
                .as("the right password is refused too while throttled").isEqualTo(429);
        assertThat(account.api().get("/api/account").status()).as("API keys are not throttled").isEqualTo(200);
    }
}
