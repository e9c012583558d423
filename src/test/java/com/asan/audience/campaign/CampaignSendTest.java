package com.asan.audience.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Campaigns sent through GreenMail: the recipients follow the segment at send time, and tracking works end to end. */
class CampaignSendTest extends ApiTestBase {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
        registry.add("audience.mail.poll-every", () -> "PT1S");
    }

    @Autowired
    CampaignSendFacade campaigns;

    @Test
    void aCampaignStillHoldingThePlaceholderCannotBeSentOrScheduled() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.patch("/api/account", Map.of("postalAddress", "1 Main St, Halifax NS"));
        long segment = api.post("/api/segments", Map.of("name", "All", "criteria",
                Map.of("match", "all", "conditions", List.of()))).id();
        long id = api.post("/api/campaigns", Map.of("name", "Draft", "subject", "S", "fromName", "A",
                "fromEmail", "a@x.example", "segmentId", segment, "html", CampaignSendFacade.STARTER_HTML)).id();
        Api.Response send = api.post("/api/campaigns/" + id + "/send", null);
        assertThat(send.status()).isEqualTo(409);
        assertThat(send.json().get("errors").get(0).get("path").asString()).isEqualTo("html");
        assertThat(api.post("/api/campaigns/" + id + "/schedule", Map.of("sendAt", "2099-01-01T09:00:00Z")).status())
                .isEqualTo(409);
        assertThat(api.get("/api/campaigns/" + id).json().get("status").asString()).isEqualTo("draft");
    }

    @Test
    void recipientsAreComputedAtSendTimeAndSuppressedLeadsAreSkippedWithReasons() throws Exception {
        TestAccount account = newAccount();
        Api api = account.api();
        api.patch("/api/account", Map.of("postalAddress", "Asan Realty, 100 King St W, Toronto ON M5X 1A9"));
        long ann = lead(api, Map.of("email", "ann@example.com", "firstName", "Ann", "status", "Hot"));
        long bob = lead(api, Map.of("email", "bob@example.com", "firstName", "Bob", "status", "Hot"));
        long cyd = lead(api, Map.of("email", "cyd@example.com", "status", "Cold"));
        lead(api, Map.of("firstName", "Noemail", "status", "Hot"));
        lead(api, Map.of("email", "unsub@example.com", "status", "Hot", "emailStatus", "unsubscribed"));
        lead(api, Map.of("email", "bounce@example.com", "status", "Hot", "emailStatus", "bounced"));
        lead(api, Map.of("email", "vip@example.com", "status", "Hot", "tags", List.of("vip")));
        long hot = api.post("/api/segments", Map.of("name", "Hot leads", "criteria", criteria("status", "is", "Hot"))).id();
        long vip = api.post("/api/segments", Map.of("name", "VIP", "criteria", criteria("tags", "has_any", List.of("vip")))).id();

        Map<String, Object> draft = new HashMap<>(Map.of("name", "Open house", "subject", "Hi {{first_name|there}}",
                "preheader", "This Saturday", "fromName", "Asan Realty", "fromEmail", "news@asan.example",
                "html", "<html><body><p>Hello {{first_name|there}}, see <a href=\"https://homes.example.com/open?x=1&amp;y=2\">the listing</a>.</p></body></html>",
                "segmentId", hot, "excludeSegmentIds", List.of(vip)));
        Api.Response created = api.post("/api/campaigns", draft);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        long id = created.id();

        api.patch("/api/leads/" + cyd, Map.of("status", "Hot"));
        api.patch("/api/leads/" + bob, Map.of("status", "Warm"));

        JsonNode audience = api.get("/api/campaigns/" + id + "/audience").json();
        assertThat(audience.get("wouldSendTo").asLong()).isEqualTo(2);
        assertThat(audience.get("excluded").get("excluded by segment 'VIP'").asLong()).isEqualTo(1);
        assertThat(audience.get("excluded").get("no email address").asLong()).isEqualTo(1);
        assertThat(audience.get("excluded").get("unsubscribed").asLong()).isEqualTo(1);
        assertThat(audience.get("excluded").get("bounced").asLong()).isEqualTo(1);

        Api.Response sent = api.post("/api/campaigns/" + id + "/send", Map.of());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        CampaignView done = campaigns.awaitSent(account.accountId(), id, Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo("sent");
        assertThat(done.stats().sent()).isEqualTo(2);
        assertThat(done.stats().skipped()).isEqualTo(4);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(this::to)).containsExactlyInAnyOrder("ann@example.com", "cyd@example.com");
        MimeMessage toAnn = Arrays.stream(received).filter(m -> to(m).equals("ann@example.com")).findFirst().orElseThrow();
        assertThat(toAnn.getSubject()).isEqualTo("Hi Ann");
        assertThat(Arrays.stream(received).filter(m -> to(m).equals("cyd@example.com")).findFirst().orElseThrow()
                .getSubject()).isEqualTo("Hi there");
        assertThat(toAnn.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(toAnn.getHeader("List-Unsubscribe")[0]).contains("<mailto:unsubscribe@asan.example").contains("/unsubscribe/");
        assertThat(toAnn.getMessageID()).startsWith("<c" + id + ".l" + ann + ".");
        String body = GreenMailUtil.getBody(toAnn).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains("100 King St W", "Unsubscribe", "This Saturday");

        JsonNode skipped = api.get("/api/campaigns/" + id + "/recipients?status=skipped").json();
        assertThat(skipped.get("total").asLong()).isEqualTo(4);
        assertThat(skipped.toString()).contains("excluded by segment 'VIP'", "no email address", "unsubscribed", "bounced");
        assertThat(api.get("/api/campaigns/" + id + "/recipients?status=sent").json().get("total").asLong()).isEqualTo(2);
        assertThat(api.post("/api/campaigns/" + id + "/send", Map.of()).status()).isEqualTo(409);

        String base = "http://localhost:" + port;
        String pixel = first(body, "src=\"(http://localhost:\\d+/t/o/[^\"]+)\"").replaceFirst("http://localhost:\\d+", base);
        assertThat(anonymous().raw(HttpRequest.newBuilder(URI.create(pixel))).status()).isEqualTo(200);
        String click = org.springframework.web.util.HtmlUtils.htmlUnescape(
                first(body, "href=\"(http://localhost:\\d+/t/c/[^\"]+)\"")).replaceFirst("http://localhost:\\d+", base);
        Api.Response redirect = anonymous().raw(HttpRequest.newBuilder(URI.create(click)));
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).isEqualTo("https://homes.example.com/open?x=1&y=2");
        String tampered = click.replace("homes.example.com", "evil.example.com");
        assertThat(anonymous().raw(HttpRequest.newBuilder(URI.create(tampered))).status()).isEqualTo(400);

        assertThat(count(api, Map.of("field", "engagement", "operator", "opened", "value", Map.of("campaign", "last"))))
                .isEqualTo(1);
        assertThat(count(api, Map.of("field", "engagement", "operator", "clicked", "value", Map.of("campaign", "last"))))
                .isEqualTo(1);

        String unsubscribe = first(toAnn.getHeader("List-Unsubscribe")[0], "<(http[^>]+)>").replaceFirst("http://localhost:\\d+", base);
        Api.Response oneClick = anonymous().raw(HttpRequest.newBuilder(URI.create(unsubscribe))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(api.get("/api/leads/" + ann).json().get("emailStatus").asString()).isEqualTo("unsubscribed");
        JsonNode stats = api.get("/api/campaigns/" + id).json().get("stats");
        assertThat(stats.get("uniqueOpens").asLong()).isEqualTo(1);
        assertThat(stats.get("uniqueClicks").asLong()).isEqualTo(1);
        assertThat(stats.get("unsubscribes").asLong()).isEqualTo(1);

        long again = api.post("/api/campaigns", draft).id();
        JsonNode second = api.get("/api/campaigns/" + again + "/audience").json();
        assertThat(second.get("wouldSendTo").asLong()).as("the unsubscribe holds for every later send").isEqualTo(1);
    }

    @Test
    void aCampaignNeedsThePostalAddressAndValidContent() {
        TestAccount account = newAccount();
        Api api = account.api();
        long segment = api.post("/api/segments", Map.of("name", "All", "criteria", Map.of("match", "all",
                "conditions", List.of()))).id();
        Api.Response bad = api.post("/api/campaigns", Map.of("name", "X", "fromEmail", "nope", "segmentId", 999999,
                "html", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"subject\"", "\"fromName\"", "\"fromEmail\"", "\"html\"", "\"segmentId\"");
        long id = api.post("/api/campaigns", Map.of("name", "X", "subject", "S", "fromName", "F",
                "fromEmail", "f@asan.example", "html", "<p>x</p>", "segmentId", segment)).id();
        Api.Response refused = api.post("/api/campaigns/" + id + "/send", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("postalAddress");
        assertThat(api.post("/api/campaigns/" + id + "/schedule", Map.of("sendAt", "2020-01-01T00:00:00Z")).status())
                .isEqualTo(409);
        api.patch("/api/account", Map.of("postalAddress", "1 Main St, Halifax NS"));
        assertThat(api.post("/api/campaigns/" + id + "/schedule", Map.of("sendAt", "yesterday")).json()
                .get("errors").get(0).get("path").asString()).isEqualTo("sendAt");
        Api.Response test = api.post("/api/campaigns/" + id + "/test", Map.of("email", "me@example.com"));
        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        assertThat(test.json().get("status").asString()).isEqualTo("sent");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> to(m).equals("me@example.com"))).isTrue();
        assertThat(newAccount().api().get("/api/campaigns/" + id).status()).isEqualTo(404);
    }

    @Test
    void aScheduledCampaignFiresOnceAtItsTime() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.patch("/api/account", Map.of("postalAddress", "1 Main St, Halifax NS"));
        lead(api, Map.of("email", "sched@example.com", "status", "Hot"));
        long segment = api.post("/api/segments", Map.of("name", "Hot", "criteria", criteria("status", "is", "Hot"))).id();
        long id = api.post("/api/campaigns", Map.of("name", "Later", "subject", "Later", "fromName", "F",
                "fromEmail", "f@asan.example", "html", "<p>later</p>", "segmentId", segment)).id();
        String sendAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2).toString();
        JsonNode scheduled = api.post("/api/campaigns/" + id + "/schedule", Map.of("sendAt", sendAt)).json();
        assertThat(scheduled.get("status").asString()).isEqualTo("scheduled");
        CampaignView done = campaigns.awaitScheduled(account.accountId(), id, Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo("sent");
        assertThat(done.stats().sent()).isEqualTo(1);
    }

    private String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    private static long lead(Api api, Map<String, Object> body) {
        Api.Response response = api.post("/api/leads", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private static Map<String, Object> criteria(String field, String operator, Object value) {
        return Map.of("match", "all", "conditions", List.of(Map.of("field", field, "operator", operator, "value", value)));
    }

    private static long count(Api api, Map<String, Object> condition) {
        return api.post("/api/segments/preview", Map.of("criteria", Map.of("match", "all", "conditions",
                List.of(condition)))).json().get("count").asLong();
    }
}
