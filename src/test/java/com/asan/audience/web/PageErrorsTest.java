package com.asan.audience.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.ApiTestBase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages answer a missing or malformed thing with an error page of the right status, and the campaign form's
 * live audience says so in place when its segment was deleted meanwhile (it was a 500). Plain HTTP with a session
 * cookie: no browser needed to read a status.
 */
class PageErrorsTest extends ApiTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void missingAndMalformedThingsGetErrorPagesAndADeletedSegmentIsNamedInPlace() throws Exception {
        TestAccount account = newAccount();
        logIn(account);
        long segment = account.api().post("/api/segments", Map.of("name", "Soon gone", "criteria", Map.of("match",
                "all", "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot"))))).id();
        assertThat(account.api().delete("/api/segments/" + segment).status()).isEqualTo(204);

        HttpResponse<String> audience = get("/campaigns/audience?segmentId=" + segment);
        assertThat(audience.statusCode()).isEqualTo(200);
        assertThat(audience.body()).contains("id=\"audience-problem\"", "no longer exists");

        assertThat(get("/leads/999999").statusCode()).isEqualTo(404);
        assertThat(get("/campaigns/abc").statusCode()).isEqualTo(400);
        assertThat(get("/audience/segments/" + segment).statusCode()).isEqualTo(404);
        assertThat(get("/leads?page=2147483647").statusCode()).isEqualTo(400);
    }

    private void logIn(TestAccount account) throws Exception {
        Matcher token = CSRF.matcher(get("/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + URLEncoder.encode(account.email(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(account.password(), StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("location").orElse("")).doesNotContain("error");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
