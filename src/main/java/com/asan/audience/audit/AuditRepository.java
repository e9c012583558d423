package com.asan.audience.audit;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AuditRepository {

    private static final Table<Record> AUDIT = table(name("audit_events"));
    private static final Field<Long> ACCOUNT_ID = field(name("account_id"), Long.class);
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<OffsetDateTime> OCCURRED_AT = field(name("occurred_at"), OffsetDateTime.class);
    private static final Field<Long> MEMBER_ID = field(name("member_id"), Long.class);
    private static final Field<String> ACTOR = field(name("actor"), String.class);
    private static final Field<String> TYPE = field(name("type"), String.class);
    private static final Field<String> TARGET_ID = field(name("target_id"), String.class);
    private static final Field<String> SUMMARY = field(name("summary"), String.class);
    private static final Field<JSONB> BEFORE = field(name("before"), JSONB.class);
    private static final Field<JSONB> AFTER = field(name("after"), JSONB.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json;

    AuditRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    void insert(long accountId, Long memberId, String actor, String type, String targetId, String summary,
                Map<String, Object> before, Map<String, Object> after) {
        db.insertInto(AUDIT).set(ACCOUNT_ID, accountId).set(MEMBER_ID, memberId).set(ACTOR, actor).set(TYPE, type)
                .set(TARGET_ID, targetId).set(SUMMARY, summary).set(BEFORE, jsonb(before)).set(AFTER, jsonb(after))
                .execute();
    }

    List<AuditEntry> page(long accountId, String type, int offset, int limit) {
        return db.select(ID, OCCURRED_AT, MEMBER_ID, ACTOR, TYPE, TARGET_ID, SUMMARY, BEFORE, AFTER).from(AUDIT)
                .where(ACCOUNT_ID.eq(accountId), ofType(type)).orderBy(ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new AuditEntry(r.get(ID), r.get(OCCURRED_AT), r.get(MEMBER_ID), r.get(ACTOR), r.get(TYPE),
                        r.get(TARGET_ID), r.get(SUMMARY), map(r.get(BEFORE)), map(r.get(AFTER))));
    }

    long count(long accountId, String type) {
        return db.fetchCount(AUDIT, ACCOUNT_ID.eq(accountId).and(ofType(type)));
    }

    private static Condition ofType(String type) {
        return type == null ? DSL.noCondition() : type.contains(".") ? TYPE.eq(type) : TYPE.startsWith(type + ".");
    }

    private JSONB jsonb(Map<String, Object> values) {
        return values == null ? null : JSONB.valueOf(json.writeValueAsString(values));
    }

    private Map<String, Object> map(JSONB value) {
        return value == null ? null : json.readValue(value.data(), MAP);
    }
}
