package com.asan.audience.campaign;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign tracking links, shared by every instance through PostgreSQL. One key signs; after a rotation
 * the previous one still verifies for {@code audience.tracking.previous-key-valid-for} (90 days by default), so
 * links in emails already sent keep working. The signing key is rotated when older than
 * {@code audience.tracking.key-max-age} (a year by default). Instances re-read the keys every minute, and at once
 * when a token matches none of them.
 */
@Component
class TrackingKeys {

    private static final Table<Record> KEYS = DSL.table(DSL.name("tracking_signing_keys"));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), Long.class);
    private static final Field<byte[]> SECRET = DSL.field(DSL.name("secret"), byte[].class);
    private static final Field<OffsetDateTime> CREATED_AT = DSL.field(DSL.name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> RETIRED_AT = DSL.field(DSL.name("retired_at"), OffsetDateTime.class);

    /** The signing key first, then the retired ones that still verify. */
    record Keys(byte[] signing, List<byte[]> verifying, long loadedAtNanos) {
    }

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration previousValidFor;
    private final SecureRandom random = new SecureRandom();
    private volatile Keys keys;

    TrackingKeys(DSLContext db, TransactionTemplate transactions, Clock clock,
                 TrackingProperties properties) {
        Duration maxAge = properties.keyMaxAge();
        Duration previousValidFor = properties.previousKeyValidFor();
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
        this.maxAge = maxAge;
        this.previousValidFor = previousValidFor;
        ensureSigningKey();
        reload();
    }

    Keys current() {
        return keys;
    }

    /** Re-reads the keys when the last read is older than a second (a token another instance signed just now). */
    boolean reloadIfStale() {
        if (System.nanoTime() - keys.loadedAtNanos() < 1_000_000_000L) {
            return false;
        }
        reload();
        return true;
    }

    @Scheduled(fixedDelayString = "${audience.tracking.reload-every:PT1M}")
    void refresh() {
        OffsetDateTime newest = db.select(CREATED_AT).from(KEYS).where(RETIRED_AT.isNull()).fetchOne(CREATED_AT);
        if (newest == null || newest.isBefore(now().minus(maxAge))) {
            rotate();
        } else {
            reload();
        }
    }

    /** Retires the signing key (it verifies for the grace period) and makes a new one. */
    void rotate() {
        transactions.executeWithoutResult(status -> {
            db.update(KEYS).set(RETIRED_AT, now().plus(previousValidFor)).where(RETIRED_AT.isNull()).execute();
            insertKey();
        });
        reload();
    }

    private void ensureSigningKey() {
        transactions.executeWithoutResult(status -> insertKey());
    }

    /** A new signing key unless one exists (another instance's concurrent insert wins the same way). */
    private void insertKey() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        db.insertInto(KEYS).set(SECRET, secret).onConflictDoNothing().execute();
    }

    private void reload() {
        var rows = db.select(SECRET, RETIRED_AT).from(KEYS)
                .where(RETIRED_AT.isNull().or(RETIRED_AT.gt(now())))
                .orderBy(RETIRED_AT.isNull().desc(), ID.desc()).fetch();
        byte[] signing = rows.get(0).get(SECRET);
        keys = new Keys(signing, rows.stream().map(r -> r.get(SECRET)).toList(), System.nanoTime());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
