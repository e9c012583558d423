package com.asan.audience.campaign;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** SQL for campaigns. */
@Repository
class CampaignRepository {

    private static final Table<Record> CAMPAIGNS = table(name("campaigns"));
    private static final Field<Long> ACCOUNT_ID = field(name("account_id"), Long.class);
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<OffsetDateTime> SENT_AT = field(name("sent_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

    private final DSLContext db;

    CampaignRepository(DSLContext db) {
        this.db = db;
    }

    long insertSent(long accountId, String name, OffsetDateTime sentAt) {
        return db.insertInto(CAMPAIGNS).set(ACCOUNT_ID, accountId).set(NAME, name).set(STATUS, "sent")
                .set(SENT_AT, sentAt).returning(ID).fetchOne(ID);
    }

    Optional<CampaignView> find(long accountId, long id) {
        return db.select(ID, NAME, STATUS, SENT_AT, CREATED_AT).from(CAMPAIGNS)
                .where(ACCOUNT_ID.eq(accountId), ID.eq(id)).fetchOptional(CampaignRepository::toView);
    }

    List<CampaignView> all(long accountId) {
        return db.select(ID, NAME, STATUS, SENT_AT, CREATED_AT).from(CAMPAIGNS).where(ACCOUNT_ID.eq(accountId))
                .orderBy(CREATED_AT.desc(), ID.desc()).fetch(CampaignRepository::toView);
    }

    Set<Long> existing(long accountId, Set<Long> ids) {
        return new HashSet<>(db.select(ID).from(CAMPAIGNS).where(ACCOUNT_ID.eq(accountId), ID.in(ids)).fetch(ID));
    }

    boolean delete(long accountId, long id) {
        return db.deleteFrom(CAMPAIGNS).where(ACCOUNT_ID.eq(accountId), ID.eq(id)).execute() == 1;
    }

    private static CampaignView toView(Record r) {
        return new CampaignView(r.get(ID), r.get(NAME), r.get(STATUS), r.get(SENT_AT), r.get(CREATED_AT));
    }
}
