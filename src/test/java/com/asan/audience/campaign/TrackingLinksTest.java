package com.asan.audience.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Click redirects for any Unicode target, links refused at save, and the rotation of the signing key. */
class TrackingLinksTest extends ApiTestBase {

    @Autowired
    TrackingTokens tokens;

    @Autowired
    TrackingKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    private Api.Response click(String token, String url) {
        return anonymous().get("/t/c/" + token + "?u=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&s="
                + tokens.linkSignature(token, url));
    }

    @Test
    void redirectsSendAnEncodedLocationForUnicodeTargets() {
        TestAccount account = newAccount();
        long lead = account.api().post("/api/leads", Map.of("email", "click@x.example")).id();
        long campaign = account.api().post("/api/campaigns", Map.of("name", "Old", "sentAt", "2026-01-01T00:00:00Z"))
                .id();
        String token = tokens.token(account.accountId(), campaign, lead);
        Api.Response french = click(token, "https://exemple.ca/événements");
        assertThat(french.status()).isEqualTo(302);
        assertThat(french.header("Location")).isEqualTo("https://exemple.ca/%C3%A9v%C3%A9nements");
        Api.Response japanese = click(token, "https://example.jp/物件");
        assertThat(japanese.header("Location")).isEqualTo("https://example.jp/%E7%89%A9%E4%BB%B6");
        Api.Response injected = click(token, "https://example.com/a\r\nSet-Cookie: x=1");
        assertThat(injected.status()).isEqualTo(302);
        assertThat(injected.header("Set-Cookie")).isNull();
        assertThat(click(token, "javascript:alert(1)").status()).isEqualTo(400);
    }

    @Test
    void aCampaignWhoseLinkCannotBeAUrlIsRefusedAtSave() {
        TestAccount account = newAccount();
        long segment = account.api().post("/api/segments", Map.of("name", "All", "criteria",
                Map.of("match", "all", "conditions", List.of()))).id();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Links", "subject", "S", "fromName", "A",
                "fromEmail", "a@x.example", "segmentId", segment,
                "html", "<a href=\"https://exa mple.com/\">bad</a> <a href=\"https://ok.example/{{email}}\">ok</a>"));
        Api.Response refused = account.api().post("/api/campaigns", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("html");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("https://exa mple.com/");
        body.put("html", "<a href=\"https://exemple.ca/événements?q={{first_name}}\">fine</a>");
        assertThat(account.api().post("/api/campaigns", body).status()).isEqualTo(201);
    }

    @Test
    void linksSignedWithTheRotatedKeyWorkUntilTheirGraceEnds() {
        long before = jdbc.queryForObject("select count(*) from tracking_signing_keys", Long.class);
        String oldToken = tokens.token(1, 2, 3);
        String oldSignature = tokens.linkSignature(oldToken, "https://example.com/");
        keys.rotate();
        assertThat(jdbc.queryForObject("select count(*) from tracking_signing_keys", Long.class)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from tracking_signing_keys where retired_at is null",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select octet_length(secret) from tracking_signing_keys where retired_at is null",
                Integer.class)).isEqualTo(32);
        String newToken = tokens.token(1, 2, 3);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(tokens.read(oldToken)).as("the previous key still verifies").isPresent();
        assertThat(tokens.linkMatches(oldToken, "https://example.com/", oldSignature)).isTrue();
        assertThat(tokens.read(newToken)).isPresent();

        jdbc.update("update tracking_signing_keys set retired_at = now() - interval '1 second' where retired_at is not null");
        keys.refresh();
        assertThat(tokens.read(oldToken)).as("past its grace period the previous key no longer verifies").isEmpty();
        assertThat(tokens.read(newToken)).isPresent();
    }
}
