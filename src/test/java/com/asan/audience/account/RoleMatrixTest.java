package com.asan.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.asan.audience.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST endpoint and every UI form post, tried as owner, admin and agent: an agent is refused (403 naming the
 * permission) exactly where the role table says no, and owners and admins never are. A new endpoint without a row
 * here fails {@link #everyEndpointHasARow()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest extends ApiTestBase {

    private static final Map<String, Object> HOT = Map.of("match", "all", "conditions",
            List.of(Map.of("field", "status", "operator", "is", "value", "Hot")));

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private TestAccount account;
    private final Map<String, Member> members = new java.util.LinkedHashMap<>();

    record Member(String role, long id, String email, Api api) {
    }

    /** What a row's call sees: the caller, and the owner to set things up with. */
    record Call(Member as, Api owner) {
    }

    /**
     * One endpoint: {@code permission} is what an agent lacks for it, or null when every role may; {@code web} rows
     * go through a signed-in browser session with CSRF.
     */
    record Row(String method, String pattern, String permission, Function<Call, Api.Response> call) {
    }

    private final List<Row> rows = new ArrayList<>();
    private int unique;

    @BeforeAll
    void team() {
        account = newAccount();
        members.put("owner", new Member("owner", account.ownerId(), account.email(), account.api()));
        for (String role : List.of("admin", "agent")) {
            String email = role + "." + System.nanoTime() + "@test.example";
            Api.Response added = account.api().post("/api/team-members", Map.of("name", role, "email", email,
                    "role", role, "password", "lantern-rock-" + role.length() + role.charAt(1)));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            Api basic = anonymous().withBasic(email, "lantern-rock-" + role.length() + role.charAt(1));
            String key = basic.post("/api/api-keys", Map.of("name", role + " key")).json().get("apiKey").asString();
            members.put(role, new Member(role, added.id(), email, anonymous().withKey(key)));
        }
        defineRows();
    }

    private long lead(Api owner) {
        return owner.post("/api/leads", Map.of("email", "lead" + (++unique) + "." + System.nanoTime() + "@x.example",
                "status", "Hot", "tags", List.of("tag" + unique))).id();
    }

    private long segment(Api owner) {
        return owner.post("/api/segments", Map.of("name", "Seg " + (++unique) + " " + System.nanoTime(),
                "criteria", HOT)).id();
    }

    private long campaign(Api owner) {
        long segment = segment(owner);
        Api.Response created = owner.post("/api/campaigns", campaignBody(segment));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private Map<String, Object> campaignBody(long segment) {
        return Map.of("name", "Camp " + (++unique), "subject", "Hi", "fromName", "Ann", "fromEmail", "ann@x.example",
                "html", "<p>Hello {{first_name}}</p>", "segmentId", segment);
    }

    private long tag(Api owner) {
        lead(owner);
        return owner.get("/api/tags").json().findValues("id").stream().mapToLong(n -> n.asLong()).max().orElseThrow();
    }

    private String field(Api owner) {
        String key = "f" + (++unique) + "_" + (System.nanoTime() % 100000);
        owner.post("/api/custom-fields", Map.of("key", key, "label", key, "type", "text"));
        return key;
    }

    private String form(Api owner) {
        return owner.post("/api/forms", Map.of("name", "Form " + (++unique))).json().get("key").asString();
    }

    private long ownerKey(Api owner) {
        return owner.post("/api/api-keys", Map.of("name", "owner key " + (++unique))).id();
    }

    private long agentMember(Api owner) {
        return owner.post("/api/team-members", Map.of("name", "x", "email", "m" + (++unique) + "." + System.nanoTime()
                + "@test.example", "role", "agent")).id();
    }

    private static Map<String, String> webCampaign(long segment, String action) {
        return Map.of("name", "W", "subject", "s", "fromName", "Ann", "fromEmail", "ann@x.example", "html", "<p>x</p>",
                "segmentId", String.valueOf(segment), "action", action);
    }

    private static byte[] csv() {
        return "email,first_name\na@x.example,A\n".getBytes(StandardCharsets.UTF_8);
    }

    private long upload(Api owner) {
        return owner.upload("/api/imports/uploads", "a.csv", csv(), Map.of()).id();
    }

    private void api(String method, String pattern, String permission, Function<Call, Api.Response> call) {
        rows.add(new Row(method, pattern, permission, call));
    }

    private WebSession web(Member member) {
        return WebSession.signIn(port, member.email(), member.role().equals("owner") ? account.password()
                : "lantern-rock-" + member.role().length() + member.role().charAt(1));
    }

    private void defineRows() {
        api("GET", "/api/account", null, c -> c.as().api().get("/api/account"));
        api("PATCH", "/api/account", "account.settings", c -> c.as().api().patch("/api/account", Map.of("name", "N")));
        api("GET", "/api/team-members", null, c -> c.as().api().get("/api/team-members"));
        api("GET", "/api/team-members/{id}", null, c -> c.as().api().get("/api/team-members/" + account.ownerId()));
        api("POST", "/api/team-members", "team.manage", c -> c.as().api().post("/api/team-members", Map.of("name", "n",
                "email", "new" + (++unique) + "." + System.nanoTime() + "@test.example", "role", "agent")));
        api("PATCH", "/api/team-members/{id}", "team.manage", c -> c.as().api().patch("/api/team-members/"
                + agentMember(c.owner()), Map.of("name", "Renamed")));
        api("DELETE", "/api/team-members/{id}", "team.manage", c -> c.as().api().delete("/api/team-members/"
                + agentMember(c.owner())));
        api("POST", "/api/me/sign-out-everywhere", null, c -> c.as().api().post("/api/me/sign-out-everywhere", null));
        api("POST", "/sign-out-everywhere", null, c -> web(c.as()).postForm("/sign-out-everywhere", Map.of()));
        api("GET", "/api/audit", "audit.read", c -> c.as().api().get("/api/audit"));
        api("GET", "/settings/audit", "audit.read", c -> web(c.as()).get("/settings/audit"));
        api("GET", "/api/api-keys", null, c -> c.as().api().get("/api/api-keys"));
        api("POST", "/api/api-keys", null, c -> c.as().api().post("/api/api-keys", Map.of("name", "mine")));
        api("DELETE", "/api/api-keys/{id}", "api-keys.manage-any", c -> c.as().api().delete("/api/api-keys/"
                + ownerKey(c.owner())));
        api("GET", "/api/leads", null, c -> c.as().api().get("/api/leads"));
        api("POST", "/api/leads", null, c -> c.as().api().post("/api/leads", Map.of("firstName", "New")));
        api("POST", "/api/leads/batch", "leads.bulk", c -> c.as().api().post("/api/leads/batch",
                Map.of("leads", List.of(Map.of("firstName", "B")))));
        api("GET", "/api/leads/{id}", null, c -> c.as().api().get("/api/leads/" + lead(c.owner())));
        api("PATCH", "/api/leads/{id}", null, c -> c.as().api().patch("/api/leads/" + lead(c.owner()),
                Map.of("status", "Warm")));
        api("DELETE", "/api/leads/{id}", "leads.delete", c -> c.as().api().delete("/api/leads/" + lead(c.owner())));
        api("GET", "/api/leads/{id}/segments", null, c -> c.as().api().get("/api/leads/" + lead(c.owner())
                + "/segments"));
        api("GET", "/api/tags", null, c -> c.as().api().get("/api/tags"));
        api("PATCH", "/api/tags/{id}", "tags.manage", c -> c.as().api().patch("/api/tags/" + tag(c.owner()),
                Map.of("name", "renamed" + (++unique))));
        api("DELETE", "/api/tags/{id}", "tags.manage", c -> c.as().api().delete("/api/tags/" + tag(c.owner())));
        api("GET", "/api/custom-fields", null, c -> c.as().api().get("/api/custom-fields"));
        api("POST", "/api/custom-fields", "custom-fields.manage", c -> c.as().api().post("/api/custom-fields",
                Map.of("key", "k" + (++unique), "type", "text")));
        api("PATCH", "/api/custom-fields/{key}", "custom-fields.manage", c -> c.as().api().patch("/api/custom-fields/"
                + field(c.owner()), Map.of("label", "L")));
        api("DELETE", "/api/custom-fields/{key}", "custom-fields.manage", c -> c.as().api().delete(
                "/api/custom-fields/" + field(c.owner())));
        api("GET", "/api/segments", null, c -> c.as().api().get("/api/segments"));
        api("POST", "/api/segments", null, c -> c.as().api().post("/api/segments", Map.of("name", "Mine "
                + (++unique), "criteria", HOT)));
        api("GET", "/api/segments/{id}", null, c -> c.as().api().get("/api/segments/" + segment(c.owner())));
        api("PUT", "/api/segments/{id}", "segments.manage-any", c -> c.as().api().put("/api/segments/"
                + segment(c.owner()), Map.of("name", "Changed " + (++unique), "criteria", HOT)));
        api("DELETE", "/api/segments/{id}", "segments.manage-any", c -> c.as().api().delete("/api/segments/"
                + segment(c.owner())));
        api("POST", "/api/segments/{id}/duplicate", null, c -> c.as().api().post("/api/segments/"
                + segment(c.owner()) + "/duplicate", null));
        api("GET", "/api/segments/{id}/leads", null, c -> c.as().api().get("/api/segments/" + segment(c.owner())
                + "/leads"));
        api("POST", "/api/segments/preview", null, c -> c.as().api().post("/api/segments/preview",
                Map.of("criteria", HOT)));
        api("GET", "/api/campaigns", null, c -> c.as().api().get("/api/campaigns"));
        api("POST", "/api/campaigns", null, c -> c.as().api().post("/api/campaigns", campaignBody(segment(c.owner()))));
        api("GET", "/api/campaigns/{id}", null, c -> c.as().api().get("/api/campaigns/" + campaign(c.owner())));
        api("PUT", "/api/campaigns/{id}", null, c -> c.as().api().put("/api/campaigns/" + campaign(c.owner()),
                campaignBody(segment(c.owner()))));
        api("DELETE", "/api/campaigns/{id}", "campaigns.send", c -> c.as().api().delete("/api/campaigns/"
                + campaign(c.owner())));
        api("POST", "/api/campaigns/{id}/send", "campaigns.send", c -> c.as().api().post("/api/campaigns/"
                + campaign(c.owner()) + "/send", null));
        api("POST", "/api/campaigns/{id}/schedule", "campaigns.send", c -> c.as().api().post("/api/campaigns/"
                + campaign(c.owner()) + "/schedule", Map.of("sendAt", "2099-01-01T09:00:00Z")));
        api("POST", "/api/campaigns/{id}/cancel", "campaigns.send", c -> c.as().api().post("/api/campaigns/"
                + campaign(c.owner()) + "/cancel", null));
        api("POST", "/api/campaigns/{id}/test", null, c -> c.as().api().post("/api/campaigns/" + campaign(c.owner())
                + "/test", Map.of("email", "test@x.example")));
        api("GET", "/api/campaigns/{id}/audience", null, c -> c.as().api().get("/api/campaigns/" + campaign(c.owner())
                + "/audience"));
        api("GET", "/api/campaigns/{id}/recipients", null, c -> c.as().api().get("/api/campaigns/"
                + campaign(c.owner()) + "/recipients"));
        api("POST", "/api/campaigns/{id}/resend-interrupted", "campaigns.send", c -> c.as().api().post(
                "/api/campaigns/" + campaign(c.owner()) + "/resend-interrupted", null));
        api("POST", "/campaigns/{id}/resend-interrupted", "campaigns.send", c -> web(c.as()).postForm("/campaigns/"
                + campaign(c.owner()) + "/resend-interrupted", Map.of()));
        api("POST", "/api/email-events", "campaigns.send", c -> c.as().api().post("/api/email-events",
                Map.of("events", List.of())));
        api("GET", "/api/forms", null, c -> c.as().api().get("/api/forms"));
        api("POST", "/api/forms", "forms.manage", c -> c.as().api().post("/api/forms", Map.of("name", "F")));
        api("GET", "/api/forms/{key}", null, c -> c.as().api().get("/api/forms/" + form(c.owner())));
        api("PATCH", "/api/forms/{key}", "forms.manage", c -> c.as().api().patch("/api/forms/" + form(c.owner()),
                Map.of("name", "G")));
        api("DELETE", "/api/forms/{key}", "forms.manage", c -> c.as().api().delete("/api/forms/" + form(c.owner())));
        api("GET", "/api/imports", null, c -> c.as().api().get("/api/imports"));
        api("POST", "/api/imports", "leads.import", c -> c.as().api().upload("/api/imports", "a.csv", csv(),
                Map.of("options", "{\"mapping\":{\"email\":\"email\",\"first_name\":\"firstName\"}}")));
        api("POST", "/api/imports/uploads", "leads.import", c -> c.as().api().upload("/api/imports/uploads", "a.csv",
                csv(), Map.of()));
        api("GET", "/api/imports/{id}", null, c -> c.as().api().get("/api/imports/" + upload(c.owner())));
        api("GET", "/api/imports/{id}/preview", null, c -> c.as().api().get("/api/imports/" + upload(c.owner())
                + "/preview"));
        api("POST", "/api/imports/{id}/start", "leads.import", c -> c.as().api().post("/api/imports/"
                + upload(c.owner()) + "/start", Map.of("mapping", Map.of("email", "email"))));
        api("GET", "/api/imports/{id}/errors", null, c -> c.as().api().get("/api/imports/" + upload(c.owner())
                + "/errors"));

        // the browser UI's posts (and the export, a download that needs a permission)
        api("POST", "/audience/segments/{id}/delete", "segments.manage-any", c -> web(c.as()).postForm(
                "/audience/segments/" + segment(c.owner()) + "/delete", Map.of()));
        api("POST", "/audience/segments/{id}/duplicate", null, c -> web(c.as()).postForm("/audience/segments/"
                + segment(c.owner()) + "/duplicate", Map.of()));
        api("GET", "/audience/segments/{id}/export.csv", "segments.export", c -> web(c.as()).get("/audience/segments/"
                + segment(c.owner()) + "/export.csv"));
        api("POST", "/audience/api/preview", null, c -> web(c.as()).sendJson("POST", "/audience/api/preview",
                Map.of("criteria", HOT)));
        api("POST", "/audience/api/segments", null, c -> web(c.as()).sendJson("POST", "/audience/api/segments",
                Map.of("name", "Web " + (++unique), "criteria", HOT)));
        api("PUT", "/audience/api/segments/{id}", "segments.manage-any", c -> web(c.as()).sendJson("PUT",
                "/audience/api/segments/" + segment(c.owner()), Map.of("name", "Web " + (++unique), "criteria", HOT)));
        api("POST", "/campaigns", null, c -> web(c.as()).postForm("/campaigns", webCampaign(segment(c.owner()), "save")));
        api("POST", "/campaigns/{id}", "campaigns.send", c -> web(c.as()).postForm("/campaigns/" + campaign(c.owner()),
                webCampaign(segment(c.owner()), "send")));
        api("POST", "/campaigns/{id}/cancel", "campaigns.send", c -> web(c.as()).postForm("/campaigns/"
                + campaign(c.owner()) + "/cancel", Map.of()));
        api("POST", "/settings/forms", "forms.manage", c -> web(c.as()).postForm("/settings/forms",
                Map.of("name", "Web form")));
        api("POST", "/settings/forms/{key}/delete", "forms.manage", c -> web(c.as()).postForm("/settings/forms/"
                + form(c.owner()) + "/delete", Map.of()));
        api("POST", "/leads/{id}", null, c -> web(c.as()).postForm("/leads/" + lead(c.owner()),
                Map.of("status", "Warm")));
        api("POST", "/leads/import", "leads.import", c -> web(c.as()).postFile("/leads/import", "a.csv", csv()));
        api("POST", "/leads/import/{id}/start", "leads.import", c -> web(c.as()).postForm("/leads/import/"
                + upload(c.owner()) + "/start", Map.of("target0", "email")));
    }

    /** Endpoints with no role question: public (sign-up, forms, tracking) or reading the caller's own pages. */
    private static final Set<String> NOT_ROLE_GATED = Set.of("POST /api/accounts", "POST /api/intake/forms/{key}",
            "GET /t/o/{token}.gif", "GET /t/c/{token}", "GET /unsubscribe/{token}",
            "POST /unsubscribe/{token}");

    @Test
    void everyEndpointHasARow() {
        Set<String> covered = new LinkedHashSet<>();
        rows.forEach(row -> covered.add(row.method() + " " + row.pattern()));
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("com.asan.audience")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String key = method.name() + " " + pattern;
                    boolean changes = method != RequestMethod.GET || pattern.startsWith("/api/");
                    if (changes && !covered.contains(key) && !NOT_ROLE_GATED.contains(key)) {
                        missing.add(key);
                    }
                }
            }
        });
        assertThat(missing).as("endpoints without a row in the role matrix").isEmpty();
    }

    @Test
    void agentsAreRefusedExactlyWhereTheTableSaysNo() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (Member member : members.values()) {
                Api.Response response = row.call().apply(new Call(member, account.api()));
                boolean refused = response.status() == 403;
                boolean shouldRefuse = member.role().equals("agent") && row.permission() != null;
                String where = member.role() + " " + row.method() + " " + row.pattern() + " -> " + response;
                if (refused != shouldRefuse || response.status() >= 500 || response.status() == 401) {
                    wrong.add(where);
                } else if (refused && row.pattern().startsWith("/api/")) {
                    if (!response.contentType().startsWith("application/problem+json")
                            || !row.permission().equals(response.json().get("permission").asString())) {
                        wrong.add(where + " (expected a problem naming " + row.permission() + ")");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Every page, for every role: 200, or 403 where the role lacks the permission; never an error. */
    @Test
    void everyPageAnswersEveryRole() {
        long lead = lead(account.api());
        long segment = segment(account.api());
        long campaign = campaign(account.api());
        long upload = upload(account.api());
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        for (String path : List.of("/leads", "/leads/" + lead, "/audience", "/audience/segments/new",
                "/audience/segments/" + segment, "/audience/segments/" + segment + "/edit", "/campaigns",
                "/campaigns/new", "/campaigns/" + campaign, "/campaigns/" + campaign + "/preview",
                "/campaigns/audience?segmentId=" + segment, "/leads/import", "/leads/import/" + upload,
                "/settings/forms")) {
            pages.put(path, null);
        }
        pages.put("/settings/audit", "audit.read");
        List<String> wrong = new ArrayList<>();
        for (Member member : members.values()) {
            WebSession web = web(member);
            pages.forEach((path, permission) -> {
                Api.Response page = web.get(path);
                int expected = member.role().equals("agent") && permission != null ? 403 : 200;
                if (page.status() != expected) {
                    wrong.add(member.role() + " GET " + path + " -> " + page.status());
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void agentsChangeTheirOwnSegmentsAndKeysButSeeOnlyTheirOwnKeys() {
        Api agent = members.get("agent").api();
        long mine = agent.post("/api/segments", Map.of("name", "Agent's own " + System.nanoTime(), "criteria", HOT))
                .id();
        assertThat(agent.get("/api/segments/" + mine).json().get("createdBy").asLong())
                .isEqualTo(members.get("agent").id());
        assertThat(agent.put("/api/segments/" + mine, Map.of("name", "Agent's renamed " + System.nanoTime(),
                "criteria", HOT)).status()).isEqualTo(200);
        assertThat(agent.delete("/api/segments/" + mine).status()).isEqualTo(204);

        long key = agent.post("/api/api-keys", Map.of("name", "temporary")).id();
        assertThat(agent.get("/api/api-keys").json().findValues("memberId")).allMatch(id ->
                id.asLong() == members.get("agent").id());
        assertThat(agent.delete("/api/api-keys/" + key).status()).isEqualTo(204);
        assertThat(account.api().get("/api/api-keys").json().findValues("memberId").stream().map(n -> n.asLong()))
                .contains(account.ownerId(), members.get("agent").id());
    }

    @Test
    void adminsManageAgentsAndAdminsButNeverTheOwner() {
        Api admin = members.get("admin").api();
        assertThat(admin.patch("/api/team-members/" + account.ownerId(), Map.of("name", "Demoted")).status())
                .isEqualTo(403);
        assertThat(admin.delete("/api/team-members/" + account.ownerId()).status()).isEqualTo(403);
        assertThat(admin.post("/api/team-members", Map.of("name", "o", "email", "o" + System.nanoTime()
                + "@test.example", "role", "owner")).status()).isEqualTo(403);
    }
}
