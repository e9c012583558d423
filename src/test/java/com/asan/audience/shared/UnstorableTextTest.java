package com.asan.audience.shared;

import com.asan.audience.shared.SystemCaller;
import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import com.asan.audience.intake.ImportFacade;
import com.asan.audience.lead.LeadFacade;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PostgreSQL stores the character U+0000 in neither text nor jsonb, and refuses it as a query parameter: every
 * place a client can send text must answer it with a 4xx naming the field, never a 500. Half a surrogate pair is
 * refused too, rather than stored as the '?' the driver would put in its place.
 */
class UnstorableTextTest extends ApiTestBase {

    @Autowired
    ImportFacade imports;
    @Autowired
    LeadFacade leads;

    private static final String NUL = "a\u0000b";

    @Test
    void everyTextInputRefusesItWithA4xx() {
        TestAccount account = newAccount();
        Api api = account.api();
        long lead = api.post("/api/leads", Map.of("firstName", "Ann", "tags", List.of("vip"))).id();
        long tag = api.get("/api/tags").json().get(0).get("id").asLong();
        long segment = api.post("/api/segments", Map.of("name", "Hot", "criteria", criteria("Hot"))).id();
        String form = api.post("/api/forms", Map.of("name", "Contact")).json().get("key").asString();

        Map<String, Api.Response> answers = new LinkedHashMap<>();
        answers.put("lead", api.post("/api/leads", Map.of("lastName", NUL)));
        answers.put("lead patch", api.patch("/api/leads/" + lead, Map.of("lastName", NUL)));
        answers.put("lead tag", api.post("/api/leads", Map.of("tags", List.of(NUL))));
        answers.put("lead search", api.get("/api/leads?q=a%00b"));
        answers.put("tag rename", api.patch("/api/tags/" + tag, Map.of("name", NUL)));
        answers.put("custom field", api.post("/api/custom-fields", Map.of("key", "k", "label", NUL, "type", "text")));
        answers.put("segment name", api.post("/api/segments", Map.of("name", NUL, "criteria", criteria("Hot"))));
        answers.put("segment value", api.post("/api/segments", Map.of("name", "N", "criteria", criteria(NUL))));
        answers.put("segment update", api.put("/api/segments/" + segment, Map.of("name", NUL, "criteria",
                criteria("Hot"))));
        answers.put("preview", api.post("/api/segments/preview", Map.of("criteria", Map.of("match", "all",
                "conditions", List.of(Map.of("field", "first_name", "operator", "contains", "value", NUL))))));
        answers.put("segment tag list", api.post("/api/segments", "{\"name\": \"L\", \"criteria\": {\"match\": \"all\", "
                + "\"conditions\": [{\"field\": \"tags\", \"operator\": \"has_any\", \"value\": [\"vip\", \"x\\ud800\"]}]}}"));
        answers.put("campaign", api.post("/api/campaigns", Map.of("name", NUL, "subject", NUL, "fromName", "F",
                "fromEmail", "f@asan.example", "html", "<p>" + NUL + "</p>", "segmentId", segment)));
        answers.put("campaign html", api.post("/api/campaigns", Map.of("name", "C", "subject", "S", "fromName", "F",
                "fromEmail", "f@asan.example", "html", "<p>" + NUL + "</p>", "segmentId", segment)));
        answers.put("segment text value", api.post("/api/segments", Map.of("name", "T", "criteria", Map.of("match",
                "all", "conditions", List.of(Map.of("field", "first_name", "operator", "contains", "value", NUL))))));
        answers.put("form", api.post("/api/forms", Map.of("name", NUL)));
        answers.put("team member", api.post("/api/team-members", Map.of("name", NUL, "email", "m@test.example",
                "role", "agent", "password", "secret-pass-1")));
        answers.put("api key", api.post("/api/api-keys", Map.of("name", NUL)));
        answers.put("account", api.patch("/api/account", Map.of("name", NUL)));
        answers.put("lone surrogate", api.post("/api/leads", "{\"firstName\":\"\\ud800x\"}"));
        answers.put("lone low surrogate", api.post("/api/leads", "{\"lastName\":\"x\\udc00\"}"));
        answers.put("form submission", Api.anonymous(port).post("/api/intake/forms/" + form,
                Map.of("email", "x@test.example", "firstName", NUL)));

        SoftAssertions.assertSoftly(softly -> answers.forEach((input, answer) ->
                softly.assertThat(answer.status()).as("%s: %s", input, answer).isBetween(400, 499)));
        assertThat(answers.get("segment tag list").body()).contains("criteria.conditions[0].value[1]", "surrogate");
        assertThat(answers.get("segment text value").body()).contains("criteria.conditions[0].value", "U+0000");
        assertThat(api.get("/api/leads").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.post("/api/leads", Map.of("firstName", "Zoë 🏠")).status()).as("a whole pair is fine")
                .isEqualTo(201);
    }

    @Test
    void anImportReportsTheRowAndImportsTheOthers() {
        TestAccount account = newAccount();
        byte[] file = ("email,first_name\r\nok@test.example,Ann\r\nbad@test.example,A" + '\u0000' + "b\r\n"
                + "also@test.example,Bo\r\n").getBytes(StandardCharsets.UTF_8);
        Api.Response started = account.api().upload("/api/imports", "nul.csv", file, Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        imports.awaitFinished(account.accountId(), started.id(), Duration.ofMinutes(1));
        var done = account.api().get("/api/imports/" + started.id()).json();
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("created").asLong()).isEqualTo(2);
        assertThat(done.get("failed").asLong()).isEqualTo(1);
        assertThat(account.api().get("/api/imports/" + started.id() + "/errors").body()).contains("first_name", "A\uFFFDb");
        assertThat(leads.list(new SystemCaller(account.accountId()), NUL, PageRequest.of(0, 20)).total())
                .as("the Leads page searches for it and finds nothing").isZero();
    }

    @Test
    void importOptionsHoldingItAreRefusedNamingTheOption() {
        TestAccount account = newAccount();
        byte[] file = "email,status\r\na@test.example,yes\r\n".getBytes(StandardCharsets.UTF_8);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("options.valueMaps.status.y", "{\"valueMaps\": {\"status\": {\"y\\u0000es\": \"Hot\"}}}");
        options.put("options.valueMaps.status.yes", "{\"valueMaps\": {\"status\": {\"yes\": \"H\\u0000ot\"}}}");
        options.put("options.valueMaps.status.a", "{\"valueMaps\": {\"status\": {\"a\\ud800\": \"\\udc00\"}}}");
        options.put("options.tagSeparator", "{\"tagSeparator\": \"\\u0000\"}");
        options.put("options.addTags[0]", "{\"addTags\": [\"a\\ud800\"]}");
        options.forEach((path, json) -> {
            Api.Response refused = account.api().upload("/api/imports", "o.csv", file, Map.of("options", json));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("path").asString()).startsWith(path);
        });
    }

    @Test
    void aHeaderOrFileNameHoldingItIsRefused() {
        TestAccount account = newAccount();
        byte[] file = ("email,ci" + '\u0000' + "ty\r\nok@test.example,Paris\r\n").getBytes(StandardCharsets.UTF_8);
        Api.Response header = account.api().upload("/api/imports", "header.csv", file, Map.of());
        Api.Response name = account.api().upload("/api/imports", "a" + '\u0000' + "b.csv",
                "email\r\nok@test.example\r\n".getBytes(StandardCharsets.UTF_8), Map.of());
        Api.Response mapped = account.api().upload("/api/imports", "mapped.csv", file,
                Map.of("options", "{\"mapping\": {\"email\": \"email\", \"ci\\u0000ty\": \"custom.city\"}}"));
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(header.status()).as(header.toString()).isEqualTo(400);
            softly.assertThat(header.body()).contains("not a text file");
            softly.assertThat(name.status()).as("the container cannot parse the part: %s", name).isEqualTo(400);
            softly.assertThat(mapped.status()).as(mapped.toString()).isBetween(400, 499);
        });
    }

    private static Map<String, Object> criteria(String status) {
        return Map.of("match", "all", "conditions", List.of(Map.of("field", "status", "operator", "is", "value", status)));
    }
}
