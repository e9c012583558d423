package com.asan.audience.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.countindex.CountIndex;
import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The preview answers from the loaded index when the change feed, read in the sample's own statement, shows nothing
 * newer; a write committed elsewhere (another instance) must still be in the very next preview.
 */
class PreviewFreshnessTest extends ApiTestBase {

    @Autowired
    CountIndex counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aLeadWrittenByAnotherInstanceIsInTheNextPreview() {
        TestAccount account = newAccount();
        Api api = account.api();
        for (String name : List.of("Ann", "Bob")) {
            assertThat(api.post("/api/leads", Map.of("firstName", name, "status", "Hot")).status()).isEqualTo(201);
        }
        counts.warm(account.accountId()).join();
        Map<String, Object> hot = Map.of("criteria", Map.of("match", "all", "conditions",
                List.of(Map.of("field", "status", "operator", "is", "value", "Hot"))));
        assertThat(api.post("/api/segments/preview", hot).json().get("count").asLong()).isEqualTo(2);
        assertThat(api.post("/api/segments/preview", hot).json().get("count").asLong())
                .as("answered again from the index, now current").isEqualTo(2);

        long elsewhere = insertAsAnotherInstanceWould(account.accountId());

        Api.Response after = api.post("/api/segments/preview", hot);
        assertThat(after.json().get("count").asLong()).isEqualTo(3);
        assertThat(after.json().get("sample").get(0).get("id").asLong()).isEqualTo(elsewhere);
        assertThat(after.json().get("sample").get(0).get("firstName").asString()).isEqualTo("Elsewhere");
    }

    @Test
    void theSampleCarriesEachLeadsTagsInNameOrder() {
        TestAccount account = newAccount();
        Api api = account.api();
        long tagged = api.post("/api/leads", Map.of("firstName", "Tagged", "status", "Warm",
                "tags", List.of("zeta", "Alpha", "mid"))).id();
        long other = api.post("/api/leads", Map.of("firstName", "Other", "status", "Warm", "tags", List.of("solo")))
                .id();
        long bare = api.post("/api/leads", Map.of("firstName", "Bare", "status", "Warm")).id();
        counts.warm(account.accountId()).join();
        Map<String, Object> warm = Map.of("criteria", Map.of("match", "all", "conditions",
                List.of(Map.of("field", "status", "operator", "is", "value", "Warm"))));
        for (int time = 0; time < 2; time++) {
            var sample = api.post("/api/segments/preview", warm).json().get("sample");
            assertThat(sample.size()).isEqualTo(3);
            Map<Long, List<String>> tagsById = new java.util.HashMap<>();
            sample.forEach(lead -> tagsById.put(lead.get("id").asLong(),
                    lead.get("tags").valueStream().map(tag -> tag.asString()).toList()));
            assertThat(tagsById).containsEntry(tagged, List.of("Alpha", "mid", "zeta"))
                    .containsEntry(other, List.of("solo")).containsEntry(bare, List.of());
        }
    }

    /** The lead and its change-feed entry in one transaction, as the lead module writes them. */
    private long insertAsAnotherInstanceWould(long accountId) {
        return transactions.execute(status -> {
            long version = jdbc.queryForObject("insert into lead_change_versions (account_id, version) values (?, 1) "
                    + "on conflict (account_id) do update set version = lead_change_versions.version + 1 "
                    + "returning version", Long.class, accountId);
            long id = jdbc.queryForObject("insert into leads (account_id, first_name, status, source) "
                    + "values (?, 'Elsewhere', 'Hot', 'API') returning id", Long.class, accountId);
            jdbc.update("insert into lead_changes (account_id, version, lead_id) values (?, ?, ?)", accountId, version,
                    id);
            return id;
        });
    }
}
