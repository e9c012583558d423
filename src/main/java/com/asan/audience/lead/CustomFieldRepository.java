package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;

import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.FieldType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL for custom field definitions. */
@Repository
class CustomFieldRepository {

    private final DSLContext db;

    CustomFieldRepository(DSLContext db) {
        this.db = db;
    }

    List<CustomFieldDefinition> all(long accountId) {
        return db.select(CF_KEY, CF_LABEL, CF_TYPE, CF_OPTIONS).from(CUSTOM_FIELD_DEFS)
                .where(CF_ACCOUNT_ID.eq(accountId)).orderBy(CF_POSITION, CF_KEY)
                .fetch(CustomFieldRepository::toDefinition);
    }

    Optional<CustomFieldDefinition> find(long accountId, String key) {
        return db.select(CF_KEY, CF_LABEL, CF_TYPE, CF_OPTIONS).from(CUSTOM_FIELD_DEFS)
                .where(CF_ACCOUNT_ID.eq(accountId), CF_KEY.eq(key)).fetchOptional(CustomFieldRepository::toDefinition);
    }

    void insert(long accountId, CustomFieldDefinition field) {
        Integer last = db.select(max(CF_POSITION)).from(CUSTOM_FIELD_DEFS).where(CF_ACCOUNT_ID.eq(accountId))
                .fetchOne(0, Integer.class);
        int inserted = db.insertInto(CUSTOM_FIELD_DEFS).set(CF_ACCOUNT_ID, accountId).set(CF_KEY, field.key())
                .set(CF_LABEL, field.label()).set(CF_TYPE, field.type().wire())
                .set(CF_OPTIONS, field.options().toArray(String[]::new))
                .set(CF_POSITION, last == null ? 0 : last + 1).onConflictDoNothing().execute();
        if (inserted == 0) { // a concurrent create of the same key committed first
            throw new com.asan.audience.shared.ConflictException("key",
                    "A custom field with key '" + field.key() + "' already exists");
        }
    }

    void update(long accountId, CustomFieldDefinition field) {
        db.update(CUSTOM_FIELD_DEFS).set(CF_LABEL, field.label()).set(CF_TYPE, field.type().wire())
                .set(CF_OPTIONS, field.options().toArray(String[]::new))
                .where(CF_ACCOUNT_ID.eq(accountId), CF_KEY.eq(field.key())).execute();
    }

    void delete(long accountId, String key) {
        db.deleteFrom(CUSTOM_FIELD_DEFS).where(CF_ACCOUNT_ID.eq(accountId), CF_KEY.eq(key)).execute();
    }

    /** How many leads hold a value for the field. */
    int leadsWithValue(long accountId, String key) {
        return db.fetchCount(LEADS, ACCOUNT_ID.eq(accountId).and(DSL.condition("jsonb_exists({0}, {1})", CUSTOM_FIELDS, DSL.val(key))));
    }

    /** Removes the field's values from every lead of the account; returns how many leads changed. */
    int removeValues(long accountId, String key) {
        return db.update(LEADS)
                .set(CUSTOM_FIELDS, DSL.field("{0} - {1}", CUSTOM_FIELDS.getDataType(), CUSTOM_FIELDS, inline(key)))
                .set(UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ACCOUNT_ID.eq(accountId).and(DSL.condition("jsonb_exists({0}, {1})", CUSTOM_FIELDS, DSL.val(key)))).execute();
    }

    private static CustomFieldDefinition toDefinition(Record r) {
        return new CustomFieldDefinition(r.get(CF_KEY), r.get(CF_LABEL), FieldType.parse(r.get(CF_TYPE)).orElseThrow(),
                Arrays.asList(r.get(CF_OPTIONS)));
    }
}
