package com.asan.audience.lead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes change-feed rows older than the retention period, so the feed does not grow with every write forever.
 * Each round deletes a bounded batch and raises the account's {@code pruned_through} in the same statement; an index
 * older than that version rebuilds instead of replaying (see {@link LeadSnapshots#changesSince}).
 */
@Component
class LeadChangeRetention {

    private static final Logger log = LoggerFactory.getLogger(LeadChangeRetention.class);
    static final int BATCH = 10_000;

    // One statement, so the deletion and the raised mark commit together. Versions commit in order, but a long
    // transaction can commit a higher version with an older changed_at: the mark is the highest version deleted,
    // which only ever sends more readers to a rebuild, never one past a gap.
    private static final String PRUNE = """
            with doomed as (
                delete from lead_changes c
                using (select account_id, version from lead_changes where changed_at < {0}
                       order by account_id, version limit {1}) d
                where c.account_id = d.account_id and c.version = d.version
                returning c.account_id, c.version
            ), marked as (
                update lead_change_versions v set pruned_through = greatest(v.pruned_through, t.version)
                from (select account_id, max(version) as version from doomed group by account_id) t
                where v.account_id = t.account_id
                returning v.account_id
            )
            select count(*) from doomed""";

    private final DSLContext db;
    private final Clock clock;
    private final Duration retention;

    LeadChangeRetention(DSLContext db, Clock clock,
                        @Value("${audience.change-feed.retention:PT24H}") Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${audience.change-feed.prune-every:PT10M}",
            initialDelayString = "${audience.change-feed.prune-every:PT10M}")
    void pruneExpired() {
        try {
            long deleted = pruneOlderThan(clock.instant().minus(retention));
            if (deleted > 0) {
                log.info("Pruned {} change-feed rows older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning the change feed failed: {}", e.toString());
        }
    }

    /** Deletes every change recorded before {@code cutoff}, in batches; returns how many rows went. */
    long pruneOlderThan(Instant cutoff) {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        long total = 0;
        while (true) {
            long deleted = db.fetchOne(PRUNE, DSL.val(before), DSL.inline(BATCH)).get(0, Long.class);
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }
}
