package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.criteria.CriteriaParser;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reloaded account index comes from its stored snapshot plus the changes committed since, and answers exactly as
 * PostgreSQL does; a snapshot written by other code, ahead of the database, or damaged, is passed over for a
 * rebuild from the leads.
 */
class IndexSnapshotTest extends ApiTestBase {

    @Autowired
    AccountIndexes indexes;
    @Autowired
    CountIndex index;
    @Autowired
    LeadQueries sql;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    JdbcTemplate jdbc;

    private static final List<Map<String, Object>> CRITERIA = List.of(
            Map.of("match", "all", "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot"))),
            Map.of("match", "any", "conditions", List.of(
                    Map.of("field", "tags", "operator", "has_any", "value", List.of("vip")),
                    Map.of("field", "email", "operator", "contains", "value", "example"))),
            Map.of("match", "all", "conditions", List.of(
                    Map.of("field", "first_name", "operator", "starts_with", "value", "a"),
                    Map.of("field", "created", "operator", "in_last_days", "value", 3))));

    /** Deployments that change only pages, campaigns, imports or accounts keep the stored snapshots. */
    @Test
    void theFingerprintCoversTheIndexTheCriteriaAndTheLeadModuleOnly() throws java.io.IOException {
        List<String> classes = IndexSnapshots.fingerprintedClasses().stream().map(IndexSnapshots::pathInPackage)
                .toList();
        assertThat(classes).contains("com/asan/audience/countindex/AccountIndex.class",
                "com/asan/audience/countindex/FreshIndexBuilder.class", "com/asan/audience/criteria/LeadFacts.class",
                "com/asan/audience/criteria/TextNormalizer.class", "com/asan/audience/lead/LeadStreams.class",
                "com/asan/audience/lead/LeadChangeFeed.class");
        assertThat(classes).noneMatch(path -> path.startsWith("com/asan/audience/web/")
                || path.startsWith("com/asan/audience/campaign/") || path.startsWith("com/asan/audience/intake/")
                || path.startsWith("com/asan/audience/account/") || path.startsWith("com/asan/audience/segment/"));
        assertThat(classes).isSorted();
    }

    @Test
    void aReloadedIndexIsItsSnapshotPlusTheChangesSince() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/leads", Map.of("firstName", "Ann", "email", "ann@example.com", "status", "Hot"));
        long bo = api.post("/api/leads", Map.of("firstName", "Bo", "status", "Warm", "tags", List.of("VIP"))).id();
        long cy = api.post("/api/leads", Map.of("firstName", "Alma", "email", "cy@test.org", "status", "Cold")).id();
        double rebuiltBefore = loads("leads");
        index.warm(account.accountId()).join();
        indexes.snapshot(account.accountId()).join();
        assertThat(loads("leads")).isEqualTo(rebuiltBefore + 1);
        assertThat(storedVersion(account.accountId())).isEqualTo(versionOf(account.accountId()));

        // committed after the snapshot: replayed from the change feed on reload
        api.post("/api/leads", Map.of("firstName", "Ava", "status", "Hot", "tags", List.of("vip")));
        api.patch("/api/leads/" + bo, Map.of("status", "Hot", "tags", List.of()));
        api.delete("/api/leads/" + cy);
        indexes.unload(account.accountId());
        double restoredBefore = loads("snapshot");
        double rebuiltAfterSnapshot = loads("leads");
        index.warm(account.accountId()).join();

        assertThat(loads("snapshot")).as("loaded from the snapshot").isEqualTo(restoredBefore + 1);
        assertThat(loads("leads")).isEqualTo(rebuiltAfterSnapshot);
        assertCountsMatchPostgres(account.accountId());
    }

    @Test
    void snapshotsOfOtherCodeAheadOfTheDatabaseOrDamagedAreRebuiltFromTheLeads() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/leads", Map.of("firstName", "Ann", "email", "ann@example.com", "status", "Hot"));
        index.warm(account.accountId()).join();
        indexes.snapshot(account.accountId()).join();
        long version = versionOf(account.accountId());

        jdbc.update("update count_index_snapshots set code_fingerprint = 'older build' where account_id = ?",
                account.accountId());
        assertReloadRebuildsFromTheLeads(account.accountId());

        indexes.snapshot(account.accountId()).join();
        jdbc.update("update count_index_snapshots set version = 1000 where account_id = ?",
                account.accountId());
        jdbc.update("update count_index_snapshot_parts set data = overlay(data placing '\\x00000000000003e8'::bytea"
                + " from 13) where account_id = ? and part = 0", account.accountId());
        assertReloadRebuildsFromTheLeads(account.accountId());

        assertThat(versionOf(account.accountId())).isEqualTo(version);
        indexes.snapshot(account.accountId()).join();
        jdbc.update("update count_index_snapshot_parts set data = substring(data from 1 for 40) where account_id = ?",
                account.accountId());
        assertReloadRebuildsFromTheLeads(account.accountId());

        // the first bitmap's length (after magic, account, version, size, base, max offset) claims 2 GB
        indexes.snapshot(account.accountId()).join();
        jdbc.update("update count_index_snapshot_parts set data = overlay(data placing '\\x7ffffff0'::bytea from 37)"
                + " where account_id = ? and part = 0", account.accountId());
        assertReloadRebuildsFromTheLeads(account.accountId());
    }

    private void assertReloadRebuildsFromTheLeads(long accountId) {
        indexes.unload(accountId);
        double restored = loads("snapshot");
        double rebuilt = loads("leads");
        index.warm(accountId).join();
        assertThat(loads("snapshot")).isEqualTo(restored);
        assertThat(loads("leads")).isEqualTo(rebuilt + 1);
        assertCountsMatchPostgres(accountId);
        assertThat(jdbc.queryForObject("select count(*) from count_index_snapshots where account_id = ? and version"
                + " > ?", Long.class, accountId, versionOf(accountId))).as("a snapshot ahead is dropped").isZero();
    }

    private void assertCountsMatchPostgres(long accountId) {
        EvaluationContext context = sql.contextNow(accountId);
        for (Map<String, Object> criteria : CRITERIA) {
            Group group = new CriteriaParser(Map.of()).parse(criteria, "criteria");
            Long fromIndex = indexes.asLoaded(accountId, loaded -> new BitmapEvaluator(loaded, context).count(group));
            assertThat(fromIndex).as("the index is loaded and answers %s", criteria).isNotNull();
            assertThat(fromIndex).as(criteria.toString()).isEqualTo(sql.count(accountId, group, context));
        }
    }

    private long storedVersion(long accountId) {
        return jdbc.queryForObject("select version from count_index_snapshots where account_id = ?", Long.class,
                accountId);
    }

    private long versionOf(long accountId) {
        return jdbc.queryForObject("select coalesce(max(version), 0) from lead_change_versions where account_id = ?",
                Long.class, accountId);
    }

    private double loads(String from) {
        return metrics.counter("audience.countindex.loads", "from", from).count();
    }
}
