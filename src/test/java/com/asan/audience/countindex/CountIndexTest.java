package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CountIndexTest extends ApiTestBase {

    @Autowired
    CountIndex index;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static Map<String, Object> hot() {
        return Map.of("match", "all", "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot"),
                Map.of("field", "tags", "operator", "has_any", "value", List.of("vip"))));
    }

    long preview(Api api, Map<String, Object> criteria) {
        return api.post("/api/segments/preview", Map.of("criteria", criteria)).json().get("count").asLong();
    }

    double fallbacks() {
        return metrics.counter("audience.countindex.fallbacks").count();
    }

    @Test
    void countsIncludeEveryCommittedWriteImmediately() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("VIP")));
        index.warm(account.accountId()).join();
        double before = fallbacks();

        assertThat(preview(api, hot())).isEqualTo(1);
        long second = api.post("/api/leads", Map.of("status", "hot", "tags", List.of("vip"))).id();
        assertThat(preview(api, hot())).as("a create is in the very next count").isEqualTo(2);
        api.patch("/api/leads/" + second, Map.of("status", "Cold"));
        assertThat(preview(api, hot())).as("an update too").isEqualTo(1);
        api.patch("/api/leads/" + second, Map.of("status", "Hot", "tags", List.of()));
        assertThat(preview(api, hot())).isEqualTo(1);
        api.patch("/api/leads/" + second, Map.of("tags", List.of("VIP")));
        assertThat(preview(api, hot())).isEqualTo(2);
        api.delete("/api/leads/" + second);
        assertThat(preview(api, hot())).as("and a delete").isEqualTo(1);
        assertThat(fallbacks()).as("the index answered every count").isEqualTo(before);
    }

    @Test
    void aNewLastCampaignIsCountedAtOnceWithoutARebuild() {
        TestAccount account = newAccount();
        Api api = account.api();
        long ann = api.post("/api/leads", Map.of("firstName", "Ann")).id();
        api.post("/api/leads", Map.of("firstName", "Bo"));
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long march = api.post("/api/campaigns", Map.of("name", "March", "sentAt", now.minusSeconds(864_000).toString()))
                .id();
        api.post("/api/email-events", Map.of("events", List.of(Map.of("leadId", ann, "campaignId", march,
                "type", "opened", "occurredAt", now.minusSeconds(86_400).toString()))));
        Map<String, Object> openedLast = Map.of("match", "all", "conditions",
                List.of(Map.of("field", "engagement", "operator", "opened", "value", Map.of("campaign", "last"))));
        index.warm(account.accountId()).join();
        assertThat(preview(api, openedLast)).isEqualTo(1);
        double before = fallbacks();

        api.post("/api/campaigns", Map.of("name", "April", "sentAt", now.minusSeconds(3_600).toString()));

        assertThat(preview(api, openedLast)).as("nobody opened the new last campaign").isZero();
        assertThat(fallbacks()).as("the index answered: a sent campaign changes no lead").isEqualTo(before);
    }

    @Test
    void renamingOrDeletingATagReloadsOnlyTheLeadsThatCarriedIt() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("VIP")));
        api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("Investor")));
        api.post("/api/leads", Map.of("status", "Cold", "tags", List.of("Investor")));
        index.warm(account.accountId()).join();
        assertThat(preview(api, hot())).isEqualTo(1);
        double before = fallbacks();

        api.patch("/api/tags/" + tagId(api, "Investor"), Map.of("name", "VIP"));
        assertThat(preview(api, hot())).as("merged into VIP").isEqualTo(2);
        api.patch("/api/tags/" + tagId(api, "VIP"), Map.of("name", "Gold"));
        assertThat(preview(api, hot())).as("renamed away").isZero();
        assertThat(preview(api, Map.of("match", "all", "conditions",
                List.of(Map.of("field", "tags", "operator", "has_any", "value", List.of("gold")))))).isEqualTo(3);
        api.delete("/api/tags/" + tagId(api, "Gold"));
        assertThat(preview(api, Map.of("match", "all", "conditions",
                List.of(Map.of("field", "tags", "operator", "is_empty"))))).isEqualTo(3);
        assertThat(fallbacks()).as("the index answered every count").isEqualTo(before);
    }

    @Test
    void deletingOrRetypingACustomFieldDropsItsColumnWithoutARebuild() {
        TestAccount account = newAccount();
        Api api = account.api();
        assertThat(api.post("/api/custom-fields", Map.of("key", "city", "label", "City", "type", "text")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/custom-fields", Map.of("key", "size", "label", "Size", "type", "text")).status())
                .isEqualTo(201);
        api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("VIP"), "customFields", Map.of("city", "Oslo")));
        long sized = api.post("/api/leads", Map.of("status", "Hot", "customFields", Map.of("size", "big"))).id();
        index.warm(account.accountId()).join();
        assertThat(preview(api, custom("city", "is", "oslo"))).isEqualTo(1);
        double before = fallbacks();

        assertThat(api.delete("/api/custom-fields/city").status()).isEqualTo(204);
        assertThat(preview(api, hot())).isEqualTo(1);
        // the key comes back as a number: its values must go into a new, sorted column
        assertThat(api.post("/api/custom-fields", Map.of("key", "city", "label", "City", "type", "number")).status())
                .isEqualTo(201);
        api.post("/api/leads", Map.of("status", "Cold", "customFields", Map.of("city", 5)));
        assertThat(preview(api, custom("city", "gt", 3))).isEqualTo(1);

        // a field no lead holds may change type; its column, left by a cleared text value, must go with it
        var cleared = new java.util.HashMap<String, Object>();
        cleared.put("size", null);
        assertThat(api.patch("/api/leads/" + sized, Map.of("customFields", cleared)).status()).isEqualTo(200);
        assertThat(api.patch("/api/custom-fields/size", Map.of("type", "number")).status()).isEqualTo(200);
        assertThat(api.patch("/api/leads/" + sized, Map.of("customFields", Map.of("size", 7))).status())
                .isEqualTo(200);
        assertThat(preview(api, custom("size", "gt", 5))).isEqualTo(1);
        assertThat(fallbacks()).as("the index answered every count").isEqualTo(before);
    }

    private static Map<String, Object> custom(String key, String operator, Object value) {
        return Map.of("match", "all", "conditions", List.of(Map.of("field", "custom." + key, "operator", operator,
                "value", value)));
    }

    @Test
    void removingATeamMemberUnassignsTheirLeadsWithoutARebuild() {
        TestAccount account = newAccount();
        Api api = account.api();
        long agent = api.post("/api/team-members", Map.of("name", "Ann Agent", "email", "agent." + account.email(),
                "role", "agent", "password", "quiet-meadow-41")).id();
        api.post("/api/leads", Map.of("status", "Hot", "assignedTo", agent));
        api.post("/api/leads", Map.of("status", "Hot", "assignedTo", account.ownerId()));
        api.post("/api/leads", Map.of("status", "Hot"));
        index.warm(account.accountId()).join();
        Map<String, Object> unassigned = Map.of("match", "all", "conditions",
                List.of(Map.of("field", "assigned_to", "operator", "is_empty")));
        assertThat(preview(api, unassigned)).isEqualTo(1);
        double before = fallbacks();

        assertThat(api.delete("/api/team-members/" + agent).status()).isEqualTo(204);
        assertThat(preview(api, unassigned)).isEqualTo(2);
        assertThat(preview(api, Map.of("match", "all", "conditions", List.of(Map.of("field", "assigned_to",
                "operator", "is_not_empty"))))).isEqualTo(1);
        assertThat(fallbacks()).as("the index answered every count").isEqualTo(before);
    }

    @Test
    void accountWideChangesFallBackToSqlUntilRebuilt() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("VIP")));
        api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("Investor")));
        index.warm(account.accountId()).join();
        assertThat(preview(api, hot())).isEqualTo(1);

        // an account-wide change names no lead (a tag renamed on more than 50,000 leads writes one)
        jdbc.update("with next as (update lead_change_versions set version = version + 1 where account_id = ? "
                + "returning version) insert into lead_changes (account_id, version) select ?, version from next",
                account.accountId(), account.accountId());
        double before = fallbacks();
        assertThat(preview(api, hot())).as("exact while the index rebuilds").isEqualTo(1);
        assertThat(fallbacks()).isGreaterThan(before);

        index.warm(account.accountId()).join();
        double afterRebuild = fallbacks();
        assertThat(preview(api, hot())).isEqualTo(1);
        assertThat(fallbacks()).isEqualTo(afterRebuild);
    }

    @Test
    void concurrentCountsAfterAChangeReadTheChangeFeedOnce() throws Exception {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("VIP")));
        index.warm(account.accountId()).join();
        // a change naming 40,000 leads that do not exist: reading it takes long enough for every count to arrive
        // while the first one reads the feed
        Long[] missing = java.util.stream.LongStream.range(0, 40_000).map(i -> 9_000_000_000L + i).boxed()
                .toArray(Long[]::new);
        jdbc.update("with next as (update lead_change_versions set version = version + 1 where account_id = ? "
                + "returning version) insert into lead_changes (account_id, version, lead_ids) "
                + "select ?, version, ? from next", account.accountId(), account.accountId(), missing);
        api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("VIP")));
        double readsBefore = metrics.counter("audience.countindex.change.reads").count();
        double fallbacksBefore = fallbacks();

        int callers = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            List<java.util.concurrent.Future<Long>> counts = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                counts.add(pool.submit(() -> {
                    start.await();
                    return preview(api, hot());
                }));
            }
            start.countDown();
            for (var count : counts) {
                assertThat(count.get(1, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(metrics.counter("audience.countindex.change.reads").count() - readsBefore)
                .as("one caller read the changes; the others waited for it").isEqualTo(1);
        assertThat(fallbacks()).isEqualTo(fallbacksBefore);
    }

    private static long tagId(Api api, String name) {
        return api.get("/api/tags").json().valueStream().filter(tag -> tag.get("name").asString().equals(name))
                .findFirst().orElseThrow().get("id").asLong();
    }

    @Test
    void previewSampleComesFromTheIndexNewestFirst() {
        TestAccount account = newAccount();
        Api api = account.api();
        long first = api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("VIP"))).id();
        long second = api.post("/api/leads", Map.of("status", "Hot", "tags", List.of("VIP"))).id();
        index.warm(account.accountId()).join();
        var sample = api.post("/api/segments/preview", Map.of("criteria", hot())).json().get("sample");
        assertThat(sample.get(0).get("id").asLong()).isEqualTo(second);
        assertThat(sample.get(1).get("id").asLong()).isEqualTo(first);
    }

    @Test
    void memberPagesNewestFirstComeFromTheIndex() {
        TestAccount account = newAccount();
        Api api = account.api();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(api.post("/api/leads", Map.of("status", i % 2 == 0 ? "Hot" : "Cold", "tags", List.of("VIP"))).id());
        }
        long segment = api.post("/api/segments", Map.of("name", "Hot VIP", "criteria", hot())).id();
        index.warm(account.accountId()).join();
        double before = fallbacks();
        var page = api.get("/api/segments/" + segment + "/leads?page=1&size=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("items").findValues("id").stream().map(id -> id.asLong()).toList())
                .containsExactly(ids.get(2), ids.get(0));
        assertThat(fallbacks()).isEqualTo(before);
    }
}
