package com.asan.audience.segment;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** SQL for saved segments. */
@Repository
class SegmentRepository {

    private static final Table<Record> SEGMENTS = table(name("segments"));
    private static final Field<Long> ACCOUNT_ID = field(name("account_id"), Long.class);
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> DESCRIPTION = field(name("description"), String.class);
    private static final Field<JSONB> CRITERIA = field(name("criteria"), JSONB.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<Long> CREATED_BY = field(name("created_by"), Long.class);

    record StoredSegment(long id, String name, String description, JSONB criteria, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt, Long createdBy) {
    }

    private final DSLContext db;

    SegmentRepository(DSLContext db) {
        this.db = db;
    }

    long insert(long accountId, String name, String description, JSONB criteria, Long createdBy) {
        return db.insertInto(SEGMENTS).set(ACCOUNT_ID, accountId).set(NAME, name).set(DESCRIPTION, description)
                .set(CRITERIA, criteria).set(CREATED_BY, createdBy).returning(ID).fetchOne(ID);
    }

    void update(long accountId, long id, String name, String description, JSONB criteria) {
        db.update(SEGMENTS).set(NAME, name).set(DESCRIPTION, description).set(CRITERIA, criteria)
                .set(UPDATED_AT, OffsetDateTime.now()).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute();
    }

    boolean delete(long accountId, long id) {
        return db.deleteFrom(SEGMENTS).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute() == 1;
    }

    Optional<StoredSegment> find(long accountId, long id) {
        return db.select(ID, NAME, DESCRIPTION, CRITERIA, CREATED_AT, UPDATED_AT, CREATED_BY).from(SEGMENTS)
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id)).fetchOptional(SegmentRepository::toStored);
    }

    List<StoredSegment> all(long accountId) {
        return db.select(ID, NAME, DESCRIPTION, CRITERIA, CREATED_AT, UPDATED_AT, CREATED_BY).from(SEGMENTS)
                .where(ACCOUNT_ID.eq(accountId)).orderBy(lower(NAME), ID).fetch(SegmentRepository::toStored);
    }

    Optional<Long> idByName(long accountId, String name) {
        return db.select(ID).from(SEGMENTS).where(ACCOUNT_ID.eq(accountId), lower(NAME).eq(name.toLowerCase()))
                .fetchOptional(ID);
    }

    private static StoredSegment toStored(Record r) {
        return new StoredSegment(r.get(ID), r.get(NAME), r.get(DESCRIPTION), r.get(CRITERIA), r.get(CREATED_AT),
                r.get(UPDATED_AT), r.get(CREATED_BY));
    }
}
