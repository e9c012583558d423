package com.asan.audience.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.asan.audience.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers on every page, the public form endpoint's limits, passwords, sign-up limits and the actuator. */
class WebSecurityTest extends ApiTestBase {

    @Test
    void everyPageHasAContentSecurityPolicyAndReferrerPolicyAndHstsOnlyWhenSecure() {
        TestAccount account = newAccount();
        WebSession web = WebSession.signIn(port, account.email(), account.password());
        for (String path : List.of("/leads", "/audience", "/audience/segments/new", "/campaigns", "/campaigns/new",
                "/leads/import", "/settings/forms")) {
            Api.Response page = web.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .contains("style-src 'self'").doesNotContain("unsafe-inline");
            assertThat(page.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(page.header("Strict-Transport-Security")).as("plain HTTP gets no HSTS").isNull();
        }
        Api.Response login = anonymous().get("/login");
        assertThat(login.header("Content-Security-Policy")).contains("default-src 'self'");

        Api.Response behindProxy = anonymous().raw(HttpRequest.newBuilder(URI.create(anonymous().base() + "/login"))
                .header("X-Forwarded-Proto", "https").GET());
        assertThat(behindProxy.header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(behindProxy.header("Set-Cookie")).as("the session cookie behind an HTTPS proxy").contains("Secure")
                .contains("HttpOnly");
        assertThat(login.header("Set-Cookie")).doesNotContain("Secure");
    }

    @Test
    void theCampaignPreviewIsSandboxed() {
        TestAccount account = newAccount();
        long segment = account.api().post("/api/segments", Map.of("name", "All", "criteria",
                Map.of("match", "all", "conditions", List.of()))).id();
        long campaign = account.api().post("/api/campaigns", Map.of("name", "X", "subject", "S", "fromName", "A",
                "fromEmail", "a@x.example", "html", "<p>Hi</p><script>document.title='owned'</script>",
                "segmentId", segment)).id();
        WebSession web = WebSession.signIn(port, account.email(), account.password());
        Api.Response preview = web.get("/campaigns/" + campaign + "/preview");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Content-Security-Policy")).startsWith("sandbox;").doesNotContain("allow-scripts")
                .doesNotContain("script-src");
        assertThat(web.get("/campaigns/" + campaign).body()).contains("<iframe").contains("sandbox=\"\"");
    }

    @Test
    void thePublicFormEndpointRefusesLargeBodiesAndUnknownKeysBeforeReadingThem() {
        TestAccount account = newAccount();
        String key = account.api().post("/api/forms", Map.of("name", "Open house")).json().get("key").asString();
        String big = "email=a%40x.example&notes=" + "x".repeat(70 * 1024);
        Api.Response tooLarge = post("/api/intake/forms/" + key, "application/x-www-form-urlencoded", big);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        Api.Response multipart = post("/api/intake/forms/" + key, "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"notes\"\r\n\r\n" + "y".repeat(100 * 1024) + "\r\n--b--\r\n");
        assertThat(multipart.status()).isEqualTo(413);
        Api.Response unknown = post("/api/intake/forms/f_999999_nope", "application/json", "{\"email\":\"a@x.example\"}");
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response fine = post("/api/intake/forms/" + key, "application/json", "{\"email\":\"fine@x.example\"}");
        assertThat(fine.status()).as(fine.toString()).isEqualTo(202);
    }

    private Api.Response post(String path, String type, String body) {
        return anonymous().raw(HttpRequest.newBuilder(URI.create(anonymous().base() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void passwordsFollowNist() {
        TestAccount account = newAccount();
        Map<String, String> refused = Map.of(
                "12345678", "10,000 most common",
                "short", "between 8 and 200",
                "x".repeat(201), "between 8 and 200",
                "marigold-secret", "email address",
                "Sunnyvale-homes-77", "account's name");
        account.api().patch("/api/account", Map.of("name", "Sunnyvale Homes"));
        refused.forEach((password, why) -> {
            Api.Response response = account.api().post("/api/team-members", Map.of("name", "M", "email",
                    "marigold." + System.nanoTime() + "@test.example", "role", "agent", "password", password));
            assertThat(response.status()).as(password).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("path").asString()).isEqualTo("password");
            assertThat(response.json().get("errors").get(0).get("message").asString()).as(password).contains(why);
        });
        assertThat(account.api().post("/api/team-members", Map.of("name", "M", "email", "marigold." + System.nanoTime()
                + "@test.example", "role", "agent", "password", "correct horse battery")).status()).isEqualTo(201);
        Api.Response signUp = signUpFrom("192.0.2.200", Map.of("accountName", "Q", "name", "Q", "email",
                "q" + System.nanoTime() + "@test.example", "password", "password"));
        assertThat(signUp.status()).isEqualTo(400);
    }

    @Test
    void signUpsAreLimitedPerAddress() {
        String address = "192.0.2." + (System.nanoTime() % 200);
        for (int i = 0; i < 5; i++) {
            assertThat(signUpFrom(address, Map.of("accountName", "L" + i, "name", "L", "email", "limit" + i + "."
                    + System.nanoTime() + "@test.example", "password", "a-long-pass-phrase")).status()).isEqualTo(201);
        }
        Api.Response sixth = signUpFrom(address, Map.of("accountName", "L", "name", "L", "email", "limit6."
                + System.nanoTime() + "@test.example", "password", "a-long-pass-phrase"));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 600L);
    }

    @Test
    void metricsAndInfoNeedAnOwnerOrAdminKeyAndHealthIsPublic() {
        TestAccount account = newAccount();
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous().get("/actuator/info").status()).isEqualTo(401);
        assertThat(account.api().get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(account.api().get("/actuator/info").body()).contains("Asan Audience");
        String email = "ops.agent." + System.nanoTime() + "@test.example";
        account.api().post("/api/team-members", Map.of("name", "A", "email", email, "role", "agent",
                "password", "tulip-garden-9"));
        Api.Response agent = anonymous().withBasic(email, "tulip-garden-9").get("/actuator/prometheus");
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.json().get("permission").asString()).isEqualTo("operations.read");
    }
}
