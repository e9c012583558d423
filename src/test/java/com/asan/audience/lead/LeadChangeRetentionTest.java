package com.asan.audience.lead;

import static com.asan.audience.lead.LeadSnapshots.MAX_CHANGED_LEADS;
import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.countindex.CountIndex;
import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The change feed is pruned after its retention period; a reader that had not seen the pruned changes is told to
 * rebuild, so counts stay exact across the gap.
 */
class LeadChangeRetentionTest extends ApiTestBase {

    private static final Duration RETENTION = Duration.ofHours(24);

    @Autowired
    LeadChangeRetention retention;
    @Autowired
    LeadSnapshots snapshots;
    @Autowired
    CountIndex index;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReaderOlderThanThePrunedChangesRebuildsWhileANewerOneReplaysWhatIsLeft() {
        TestAccount account = newAccount();
        Api api = account.api();
        long accountId = account.accountId();
        api.post("/api/leads", Map.of("firstName", "Ann"));
        long afterFirst = snapshots.version(accountId);
        long second = api.post("/api/leads", Map.of("firstName", "Ben")).id();
        long afterSecond = snapshots.version(accountId);
        assertThat(snapshots.changesSince(accountId, afterFirst, MAX_CHANGED_LEADS).wholeAccount()).isFalse();

        age(accountId, RETENTION.plusHours(1));
        long pruned = retention.pruneOlderThan(Instant.now().minus(RETENTION));

        assertThat(pruned).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from lead_changes where account_id = ?", Long.class, accountId))
                .isZero();
        LeadSnapshots.Changes missed = snapshots.changesSince(accountId, afterFirst, MAX_CHANGED_LEADS);
        assertThat(missed.wholeAccount()).as("the change to lead %d is gone", second).isTrue();
        assertThat(missed.version()).isEqualTo(afterSecond);
        assertThat(snapshots.changesSince(accountId, afterSecond, MAX_CHANGED_LEADS).wholeAccount())
                .as("a reader that saw everything pruned goes on replaying").isFalse();

        long third = api.post("/api/leads", Map.of("firstName", "Cy")).id();
        LeadSnapshots.Changes next = snapshots.changesSince(accountId, afterSecond, MAX_CHANGED_LEADS);
        assertThat(next.wholeAccount()).isFalse();
        assertThat(next.changedIds()).containsExactly(third);
    }

    @Test
    void recentChangesStayAndOtherAccountsAreLeftAlone() {
        TestAccount old = newAccount();
        TestAccount recent = newAccount();
        old.api().post("/api/leads", Map.of("firstName", "Old"));
        recent.api().post("/api/leads", Map.of("firstName", "Recent"));
        long recentVersion = snapshots.version(recent.accountId());
        age(old.accountId(), RETENTION.plusHours(1));

        retention.pruneOlderThan(Instant.now().minus(RETENTION));

        assertThat(jdbc.queryForObject("select count(*) from lead_changes where account_id = ?", Long.class,
                recent.accountId())).isEqualTo(1);
        assertThat(snapshots.changesSince(recent.accountId(), 0, MAX_CHANGED_LEADS).wholeAccount()).isFalse();
        assertThat(snapshots.changesSince(recent.accountId(), 0, MAX_CHANGED_LEADS).changedIds()).hasSize(1);
        assertThat(snapshots.version(recent.accountId())).isEqualTo(recentVersion);
    }

    @Test
    void countsStayExactWhenTheIndexMissedPrunedChanges() {
        TestAccount account = newAccount();
        Api api = account.api();
        api.post("/api/leads", Map.of("status", "Hot"));
        index.warm(account.accountId()).join();
        Map<String, Object> hot = Map.of("match", "all",
                "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot")));
        assertThat(preview(api, hot)).isEqualTo(1);

        // written after the index's last catch-up, then pruned before the index could replay it
        api.post("/api/leads", Map.of("status", "Hot"));
        age(account.accountId(), RETENTION.plusHours(1));
        retention.pruneOlderThan(Instant.now().minus(RETENTION));

        double before = fallbacks();
        assertThat(preview(api, hot)).as("answered by PostgreSQL while the index rebuilds").isEqualTo(2);
        assertThat(fallbacks()).isGreaterThan(before);
        index.warm(account.accountId()).join();
        double rebuilt = fallbacks();
        assertThat(preview(api, hot)).isEqualTo(2);
        assertThat(fallbacks()).as("the rebuilt index answers").isEqualTo(rebuilt);
    }

    private void age(long accountId, Duration by) {
        jdbc.update("update lead_changes set changed_at = changed_at - make_interval(secs => ?) where account_id = ?",
                (double) by.toSeconds(), accountId);
    }

    private static long preview(Api api, Map<String, Object> criteria) {
        return api.post("/api/segments/preview", Map.of("criteria", criteria)).json().get("count").asLong();
    }

    private double fallbacks() {
        return metrics.counter("audience.countindex.fallbacks").count();
    }
}
