package com.asan.audience.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Odd path and query values, and every JSON body the REST API takes, valid at first, then broken at random one place at a time (a value of another
 * type or out of range, a member removed or unknown, a number JSON allows but no column holds, nesting too deep):
 * the answer is the resource or a 4xx {@code application/problem+json}, never a 5xx. Seeded, so a failure repeats;
 * it prints the request that failed.
 */
class MalformedRequestsTest extends ApiTestBase {

    private static final long SEED = 20261127L;
    private static final int ODD_VALUES_PER_PLACE = 4;
    private static final String RAW = "@raw:";

    /** Values JSON can carry that a field may not expect; {@link #RAW} ones are written as bare JSON. */
    private static final List<Object> ODD_VALUES = List.of("", " ", "Hot", "x".repeat(20_000), "2026-13-45",
            "+999999-01-01T00:00:00Z", "-1", "1e3", "null", 0, -1, 1.5, Long.MAX_VALUE, Long.MIN_VALUE, true, false,
            List.of(), List.of(List.of()), Map.of(), Map.of("match", "any"), RAW + "1e400", RAW + "-1e400",
            RAW + "123456789012345678901234567890", RAW + "0.0000000000000000000000000001", RAW + "-0",
            RAW + "null", RAW + "[".repeat(1_200) + "]".repeat(1_200));

    @Test
    void brokenBodiesGetA4xxProblemNeverA5xx() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/custom-fields", Map.of("key", "city", "label", "City", "type", "text"));
        api.post("/api/custom-fields", Map.of("key", "budget", "label", "Budget", "type", "number"));
        api.post("/api/custom-fields", Map.of("key", "move_in", "label", "Move-in", "type", "date"));
        Map<String, Object> lead = lead(account.ownerId());
        long leadId = created(api.post("/api/leads", lead));
        long tagId = api.get("/api/tags").json().get(0).get("id").asLong();
        Map<String, Object> segment = Map.of("name", "Hot buyers", "description", "Ready", "criteria", criteria());
        long segmentId = created(api.post("/api/segments", segment));
        Map<String, Object> campaign = Map.of("name", "March", "subject", "Open house", "fromName", "Ann",
                "fromEmail", "ann@asan.example", "html", "<p>Hi {{firstName}}</p>", "segmentId", segmentId);
        long campaignId = created(api.post("/api/campaigns", campaign));
        long sentId = created(api.post("/api/campaigns", Map.of("name", "Feb", "sentAt", "2026-02-01T10:00:00Z")));

        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put("POST /api/leads", lead);
        bodies.put("PATCH /api/leads/" + leadId, Map.of("status", "Warm", "tags", List.of("VIP", "Investor"),
                "customFields", Map.of("city", "Rome", "budget", 450_000)));
        bodies.put("POST /api/leads/batch", Map.of("leads", List.of(lead(account.ownerId()), Map.of("firstName", "Bo"))));
        bodies.put("PATCH /api/tags/" + tagId, Map.of("name", "Very important"));
        bodies.put("POST /api/custom-fields", Map.of("key", "kind", "label", "Kind", "type", "select",
                "options", List.of("House", "Flat")));
        bodies.put("POST /api/segments", segment);
        bodies.put("PUT /api/segments/" + segmentId, segment);
        bodies.put("POST /api/segments/preview", Map.of("criteria", criteria()));
        bodies.put("POST /api/campaigns", campaign);
        bodies.put("PUT /api/campaigns/" + campaignId, campaign);
        bodies.put("POST /api/email-events", Map.of("events", List.of(Map.of("leadId", leadId, "campaignId", sentId,
                "type", "opened", "occurredAt", "2026-02-02T09:00:00Z"))));
        bodies.put("POST /api/team-members", Map.of("name", "Bea Agent", "email", "bea." + account.email(),
                "role", "agent", "password", "secret-pass-1"));
        bodies.put("PATCH /api/account", Map.of("name", "Harbour Realty", "postalAddress", "1 Main St, Halifax NS",
                "agentLeadAccess", "assigned"));
        bodies.put("POST /api/forms", Map.of("name", "Contact us"));

        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        bodies.forEach((request, valid) -> {
            String method = request.substring(0, request.indexOf(' '));
            String path = request.substring(request.indexOf(' ') + 1);
            for (Object broken : brokenVersions(valid, random)) {
                String body = write(broken);
                Api.Response answer = api.send(method, path, body);
                statuses.merge(answer.status(), 1, Integer::sum);
                boolean fine = answer.status() < 400
                        || answer.status() < 500 && answer.contentType().startsWith("application/problem+json");
                if (!fine) {
                    failures.add(request + " " + abbreviate(body) + " -> " + answer.status() + " "
                            + answer.contentType() + " " + abbreviate(answer.body()));
                }
            }
        });
        int sent = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("Answers to " + sent + " broken bodies, by status: " + statuses);
        assertThat(failures).as("requests answered with a 5xx or a 4xx that is not a problem").isEmpty();
        assertThat(statuses.getOrDefault(400, 0)).as("most changes do break the body").isGreaterThan(sent / 2);
    }

    @Test
    void aNumberOrBooleanWhereTextBelongsIsRefusedNamingTheField() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/leads", Map.of("firstName", "Ann", "tags", List.of("vip")));
        long tag = api.get("/api/tags").json().get(0).get("id").asLong();
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        answers.put("name", api.patch("/api/tags/" + tag, Map.of("name", true)));
        answers.put("postalAddress", api.patch("/api/account", Map.of("postalAddress", 12)));
        answers.put("label", api.post("/api/custom-fields", Map.of("key", "k", "label", 1.5, "type", "text")));
        answers.forEach((field, answer) -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("path").asString()).isEqualTo(field);
        });
        assertThat(api.get("/api/tags").json().get(0).get("name").asString()).as("nothing stored").isEqualTo("vip");
    }

    @Test
    void oddPathAndQueryValuesGetA4xxProblemNeverA5xx() {
        TestAccount account = newAccount();
        Api api = account.api();
        long lead = created(api.post("/api/leads", Map.of("firstName", "Ann", "status", "Hot")));
        long segment = created(api.post("/api/segments", Map.of("name", "Hot", "criteria", Map.of("match", "all",
                "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot"))))));
        long campaign = created(api.post("/api/campaigns", Map.of("name", "Feb", "sentAt", "2026-02-01T10:00:00Z")));
        List<String> ids = List.of("abc", "-1", "0", "1.5", "99999999999999999999", "%00", "%FF", "%20");
        List<String> numbers = List.of("-1", "0", "abc", "1e3", "2147483648", "99999999999999999999", "", "%00");
        List<String> texts = List.of("", "%00", "%FF", "x".repeat(5_000), "'%20or%201=1--", "%E2%82");
        List<String> paths = new ArrayList<>();
        for (String id : ids) {
            for (String template : List.of("/api/leads/%s", "/api/leads/%s/segments", "/api/segments/%s",
                    "/api/segments/%s/leads", "/api/campaigns/%s", "/api/campaigns/%s/recipients",
                    "/api/campaigns/%s/audience", "/api/imports/%s", "/api/imports/%s/preview",
                    "/api/imports/%s/errors", "/api/team-members/%s", "/api/forms/%s")) {
                paths.add(template.formatted(id));
            }
        }
        for (String number : numbers) {
            for (String parameter : List.of("page", "size")) {
                paths.add("/api/leads?" + parameter + "=" + number);
                paths.add("/api/segments/" + segment + "/leads?" + parameter + "=" + number);
                paths.add("/api/campaigns/" + campaign + "/recipients?" + parameter + "=" + number);
                paths.add("/api/audit?" + parameter + "=" + number);
            }
        }
        for (String text : texts) {
            paths.add("/api/leads?q=" + text);
            paths.add("/api/segments/" + segment + "/leads?sort=" + text);
            paths.add("/api/campaigns/" + campaign + "/recipients?status=" + text);
            paths.add("/api/audit?type=" + text);
        }
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            Api.Response answer = api.get(path);
            boolean fine = answer.status() < 400
                    || answer.status() < 500 && answer.contentType().startsWith("application/problem+json");
            if (!fine) {
                failures.add("GET " + abbreviate(path) + " -> " + answer.status() + " " + answer.contentType() + " "
                        + abbreviate(answer.body()));
            }
        }
        assertThat(failures).as("requests answered with a 5xx or a 4xx that is not a problem").isEmpty();
        Api.Response undecodable = api.get("/api/leads?q=%FF");
        assertThat(undecodable.status()).isEqualTo(400);
        assertThat(undecodable.json().get("errors").get(0).get("path").asString()).isEqualTo("q");
        Api.Response undecodablePath = api.get("/api/leads/%FF");
        assertThat(undecodablePath.status()).as("refused by Tomcat itself").isEqualTo(400);
        assertThat(undecodablePath.json().get("errors").get(0).get("path").asString()).isEqualTo("path");
        assertThat(api.get("/api/leads/" + lead).status()).isEqualTo(200);
        assertThat(anonymous().get("/leads/%FF").contentType()).as("pages keep Tomcat's HTML").startsWith("text/html");
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private static Map<String, Object> lead(long assignee) {
        return Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com",
                "phone", "+1 613 555 0101", "status", "Hot", "source", "Website", "tags", List.of("VIP"),
                "assignedTo", assignee, "customFields", Map.of("city", "Oslo", "budget", 500_000,
                        "move_in", "2027-05-01"));
    }

    private static Map<String, Object> criteria() {
        return Map.of("match", "all", "conditions", List.of(
                Map.of("field", "status", "operator", "is", "value", "Hot"),
                Map.of("match", "any", "conditions", List.of(
                        Map.of("field", "tags", "operator", "has_any", "value", List.of("VIP")),
                        Map.of("field", "custom.budget", "operator", "gt", "value", 100_000),
                        Map.of("field", "created", "operator", "in_last_days", "value", 30),
                        Map.of("field", "engagement", "operator", "opened", "value",
                                Map.of("campaign", "any", "within_days", 90))))));
    }

    /**
     * Every place of the body broken in turn: each member removed, each member and list item replaced by a few odd
     * values drawn at random, an unknown member added to each object, and the whole body replaced.
     */
    private static List<Object> brokenVersions(Map<String, Object> valid, Random random) {
        List<Object> broken = new ArrayList<>();
        for (int i = 0; i < ODD_VALUES_PER_PLACE; i++) {
            broken.add(odd(random));
        }
        Object template = copy(valid);
        List<List<Object>> places = new ArrayList<>();
        collectPlaces(template, new ArrayList<>(), places);
        for (List<Object> place : places) {
            Object last = place.get(place.size() - 1);
            if (last instanceof String) {
                broken.add(changed(valid, place, null, true));
            }
            for (int i = 0; i < ODD_VALUES_PER_PLACE; i++) {
                broken.add(changed(valid, place, odd(random), false));
            }
        }
        return broken;
    }

    /** A copy of the body with the member or item at {@code place} (a path of keys and indexes) removed or replaced. */
    @SuppressWarnings("unchecked")
    private static Object changed(Map<String, Object> valid, List<Object> place, Object value, boolean remove) {
        Object copy = copy(valid);
        Object container = copy;
        for (Object step : place.subList(0, place.size() - 1)) {
            container = step instanceof String key ? ((Map<String, Object>) container).get(key)
                    : ((List<Object>) container).get((Integer) step);
        }
        Object last = place.get(place.size() - 1);
        if (last instanceof String key) {
            Map<String, Object> members = (Map<String, Object>) container;
            if (remove) {
                members.remove(key);
            } else {
                members.put(key, value);
            }
        } else {
            ((List<Object>) container).set((Integer) last, value);
        }
        return copy;
    }

    private static void collectPlaces(Object value, List<Object> path, List<List<Object>> places) {
        if (value instanceof Map<?, ?> map) {
            List<Object> unknown = new ArrayList<>(path);
            unknown.add("unexpected");
            places.add(unknown);
            map.forEach((key, member) -> {
                List<Object> place = new ArrayList<>(path);
                place.add(key);
                places.add(place);
                collectPlaces(member, place, places);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> place = new ArrayList<>(path);
                place.add(i);
                places.add(place);
                collectPlaces(list.get(i), place, places);
            }
        }
    }

    private static Object odd(Random random) {
        return ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            // in key order: Map.of iterates in an order that changes from one JVM to the next
            Map<String, Object> copy = new LinkedHashMap<>();
            new java.util.TreeMap<>(map).forEach((key, member) -> copy.put((String) key, copy(member)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return copy;
        }
        return value;
    }

    private static String write(Object body) {
        String json = Api.JSON.writeValueAsString(body);
        // a RAW value becomes the bare JSON after it, e.g. a number no Java type holds
        return json.replaceAll("\"" + RAW + "([^\"]*)\"", "$1");
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
