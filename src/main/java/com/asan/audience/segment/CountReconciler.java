package com.asan.audience.segment;

import com.asan.audience.countindex.CountIndex;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.lead.LeadQueries;
import com.asan.audience.lead.LeadSnapshots;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares a sample of segment counts from the count index with PostgreSQL, in the background. A comparison only
 * counts when no lead changed meanwhile; any difference is logged and counted in
 * {@code audience.countindex.mismatches}, which should stay 0.
 */
@Component
class CountReconciler {

    private static final Logger log = LoggerFactory.getLogger(CountReconciler.class);
    private static final int SEGMENTS_PER_ACCOUNT = 3;

    private final CountIndex index;
    private final LeadQueries sql;
    private final LeadSnapshots snapshots;
    private final SegmentFacade segments;
    private final Counter mismatches;
    private final Counter comparisons;

    CountReconciler(CountIndex index, LeadQueries sql, LeadSnapshots snapshots, SegmentFacade segments,
                    MeterRegistry metrics) {
        this.index = index;
        this.sql = sql;
        this.snapshots = snapshots;
        this.segments = segments;
        this.mismatches = Counter.builder("audience.countindex.mismatches")
                .description("Segment counts where the count index and PostgreSQL disagreed").register(metrics);
        this.comparisons = Counter.builder("audience.countindex.reconciliations")
                .description("Segment counts compared between the count index and PostgreSQL").register(metrics);
    }

    @Scheduled(fixedDelayString = "${audience.count-index.reconcile-every:PT1M}",
            initialDelayString = "${audience.count-index.reconcile-every:PT1M}")
    void reconcile() {
        for (long accountId : index.loaded()) {
            try {
                reconcile(accountId);
            } catch (RuntimeException e) {
                log.warn("Reconciliation of account {} failed: {}", accountId, e.toString());
            }
        }
    }

    /** Compares up to three random segments of the account; returns how many disagreed. */
    int reconcile(long accountId) {
        List<SegmentFacade.Definition> sample = new ArrayList<>(segments.definitions(accountId));
        Collections.shuffle(sample);
        int disagreements = 0;
        for (SegmentFacade.Definition segment : sample.subList(0, Math.min(SEGMENTS_PER_ACCOUNT, sample.size()))) {
            long before = snapshots.version(accountId);
            EvaluationContext context = sql.contextNow(accountId);
            long fromIndex = index.count(accountId, segment.criteria(), context);
            long fromSql = sql.countOnOneCore(accountId, segment.criteria(), context);
            if (snapshots.version(accountId) != before) {
                continue;
            }
            comparisons.increment();
            if (fromIndex != fromSql) {
                disagreements++;
                mismatches.increment();
                log.error("Count index mismatch for account {} segment {}: index {} vs PostgreSQL {}", accountId,
                        segment.id(), fromIndex, fromSql);
            }
        }
        return disagreements;
    }
}
