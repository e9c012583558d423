package com.asan.audience.intake;

import static com.asan.audience.intake.IntakeTables.*;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.inline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL for imports, their progress, leases and error rows. */
@Repository
class ImportRepository {

    private final DSLContext db;

    ImportRepository(DSLContext db) {
        this.db = db;
    }

    record Claim(long accountId, long id) {
    }

    long insert(long accountId, String fileName, Long memberId) {
        return db.insertInto(IMPORTS).set(ACCOUNT_ID, accountId).set(FILE_NAME, fileName).set(FILE_BYTES, 0L)
                .set(ENCODING, "UTF-8").set(DELIMITER, ",").set(STATUS, "uploaded").set(CREATED_BY, memberId)
                .returning(ID).fetchOne(ID);
    }

    void describeFile(long accountId, long id, long bytes, CsvFormat format) {
        db.update(IMPORTS).set(FILE_BYTES, bytes).set(ENCODING, format.encodingLabel())
                .set(DELIMITER, String.valueOf(format.delimiter()))
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute();
    }

    /** Queues the import reserved for {@code owner}: other instances take it only if that lease runs out. */
    void queue(long accountId, long id, JSONB options, String owner, Duration lease) {
        db.update(IMPORTS).set(OPTIONS, options).set(STATUS, "queued").set(LEASE_OWNER, owner)
                .set(LEASE_UNTIL, leaseEnd(lease))
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute();
    }

    Optional<ImportView> find(long accountId, long id) {
        return db.select(IMPORTS.fields()).from(IMPORTS).where(ACCOUNT_ID.eq(accountId), ID.eq(id))
                .fetchOptional(ImportRepository::toView);
    }

    List<ImportView> recent(long accountId, int limit) {
        return db.select(IMPORTS.fields()).from(IMPORTS).where(ACCOUNT_ID.eq(accountId)).orderBy(ID.desc())
                .limit(limit).fetch(ImportRepository::toView);
    }

    Optional<JSONB> options(long accountId, long id) {
        return db.select(OPTIONS).from(IMPORTS).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).fetchOptional(OPTIONS);
    }

    Optional<CsvFormat> format(long accountId, long id) {
        return db.select(ENCODING, DELIMITER).from(IMPORTS).where(ACCOUNT_ID.eq(accountId), ID.eq(id))
                .fetchOptional(r -> CsvFormat.of(r.get(ENCODING), r.get(DELIMITER).charAt(0)));
    }

    /** Imports no live worker holds: queued ones, and running ones whose worker stopped renewing its lease. */
    List<Claim> claimable() {
        return db.select(ACCOUNT_ID, ID).from(IMPORTS)
                .where(STATUS.in("queued", "running"))
                .and(LEASE_UNTIL.isNull().or(LEASE_UNTIL.lt(currentOffsetDateTime())))
                .orderBy(ID).fetch(r -> new Claim(r.get(ACCOUNT_ID), r.get(ID)));
    }

    /** Takes the lease when nobody else holds a live one; true when this worker now owns the import. */
    boolean claim(long accountId, long id, String owner, Duration lease) {
        return db.update(IMPORTS).set(STATUS, "running").set(LEASE_OWNER, owner).set(LEASE_UNTIL, leaseEnd(lease))
                .set(STARTED_AT, coalesce(STARTED_AT, currentOffsetDateTime()))
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), STATUS.in("queued", "running"))
                .and(LEASE_UNTIL.isNull().or(LEASE_UNTIL.lt(currentOffsetDateTime())).or(LEASE_OWNER.eq(owner)))
                .execute() == 1;
    }

    Record progress(long accountId, long id) {
        return db.select(TOTAL_ROWS, NEXT_ROW).from(IMPORTS).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).fetchOne();
    }

    boolean setTotal(long accountId, long id, String owner, long total, Duration lease) {
        return db.update(IMPORTS).set(TOTAL_ROWS, total).set(LEASE_UNTIL, leaseEnd(lease))
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), LEASE_OWNER.eq(owner), STATUS.eq("running")).execute() == 1;
    }

    /** Adds a committed batch to the counters and renews the lease; false when the lease was lost. */
    boolean advance(long accountId, long id, String owner, long nextRow, long[] counts, Duration lease) {
        return db.update(IMPORTS).set(NEXT_ROW, nextRow)
                .set(CREATED, CREATED.plus(counts[0])).set(UPDATED, UPDATED.plus(counts[1]))
                .set(SKIPPED, SKIPPED.plus(counts[2])).set(FAILED, FAILED.plus(counts[3]))
                .set(LEASE_UNTIL, leaseEnd(lease))
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), LEASE_OWNER.eq(owner), STATUS.eq("running")).execute() == 1;
    }

    boolean finish(long accountId, long id, String owner, String status, String failure) {
        return db.update(IMPORTS).set(STATUS, status).set(FAILURE, failure)
                .set(FINISHED_AT, currentOffsetDateTime()).setNull(LEASE_UNTIL).setNull(LEASE_OWNER)
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id), LEASE_OWNER.eq(owner)).execute() == 1;
    }

    void insertErrors(long accountId, long id, List<RowConverter.RowError> errors) {
        for (int from = 0; from < errors.size(); from += 2000) {
            var insert = db.insertInto(ERRORS, ER_ACCOUNT_ID, ER_IMPORT_ID, ER_ROW, ER_COLUMN, ER_VALUE, ER_MESSAGE);
            for (RowConverter.RowError error : errors.subList(from, Math.min(errors.size(), from + 2000))) {
                insert = insert.values(accountId, id, error.row(), storable(error.column()),
                        storable(truncate(error.value())), storable(error.message()));
            }
            insert.execute();
        }
    }

    void forEachError(long accountId, long id, Consumer<RowConverter.RowError> sink) {
        try (var cursor = db.select(ER_ROW, ER_COLUMN, ER_VALUE, ER_MESSAGE).from(ERRORS)
                .where(ER_ACCOUNT_ID.eq(accountId), ER_IMPORT_ID.eq(id)).orderBy(ER_ROW).fetchSize(2000).fetchLazy()) {
            cursor.forEach(r -> sink.accept(new RowConverter.RowError(r.get(ER_ROW), r.get(ER_COLUMN),
                    r.get(ER_VALUE), r.get(ER_MESSAGE))));
        }
    }

    void deleteChunks(long accountId, long id) {
        db.deleteFrom(CHUNKS).where(CH_ACCOUNT_ID.eq(accountId), CH_IMPORT_ID.eq(id)).execute();
    }

    private static org.jooq.Field<java.time.OffsetDateTime> leaseEnd(Duration lease) {
        return DSL.field("now() + {0} * interval '1 millisecond'", java.time.OffsetDateTime.class,
                inline(lease.toMillis()));
    }

    /** A file's text as PostgreSQL can store it: U+0000 (refused in text) shown as U+FFFD, the replacement mark. */
    private static String storable(String value) {
        return value == null ? null : value.replace('\0', '\uFFFD');
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }

    private static ImportView toView(Record r) {
        return new ImportView(r.get(ID), r.get(FILE_NAME), r.get(STATUS), r.get(FILE_BYTES), r.get(ENCODING),
                r.get(DELIMITER), r.get(TOTAL_ROWS), r.get(NEXT_ROW), r.get(CREATED), r.get(UPDATED),
                r.get(SKIPPED), r.get(FAILED), r.get(FAILURE), r.get(CREATED_AT), r.get(STARTED_AT),
                r.get(FINISHED_AT));
    }
}
