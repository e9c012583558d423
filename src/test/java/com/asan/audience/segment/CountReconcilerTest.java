package com.asan.audience.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.countindex.CountIndex;
import com.asan.audience.support.Api;
import com.asan.audience.support.ApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The background reconciliation: agreeing counts are compared and pass; a lead changed behind the change feed's
 * back (which only a bug or a hand edit can do) leaves the index stale, and the comparison reports it.
 */
class CountReconcilerTest extends ApiTestBase {

    @Autowired
    CountReconciler reconciler;
    @Autowired
    CountIndex counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry metrics;

    @Test
    void agreeingCountsPassAndAStaleIndexIsReported() {
        TestAccount account = newAccount();
        Api api = account.api();
        long ann = api.post("/api/leads", Map.of("firstName", "Ann", "status", "Hot")).id();
        api.post("/api/leads", Map.of("firstName", "Bob", "status", "Warm"));
        assertThat(api.post("/api/segments", Map.of("name", "Hot leads", "criteria", Map.of("match", "all",
                "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot"))))).status())
                .isEqualTo(201);
        counts.warm(account.accountId()).join();
        double comparedBefore = counter("audience.countindex.reconciliations");
        double mismatchesBefore = counter("audience.countindex.mismatches");

        assertThat(reconciler.reconcile(account.accountId())).isZero();
        assertThat(counter("audience.countindex.reconciliations")).isEqualTo(comparedBefore + 1);
        assertThat(counter("audience.countindex.mismatches")).isEqualTo(mismatchesBefore);

        // no change-feed entry: the index cannot know, so only the comparison with PostgreSQL shows it
        jdbc.update("update leads set status = 'Cold' where id = ?", ann);

        assertThat(reconciler.reconcile(account.accountId())).isEqualTo(1);
        assertThat(counter("audience.countindex.mismatches")).isEqualTo(mismatchesBefore + 1);
    }

    private double counter(String name) {
        return metrics.get(name).counter().count();
    }
}
