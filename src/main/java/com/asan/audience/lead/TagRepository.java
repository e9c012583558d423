package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.lower;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL for the account's tag dictionary and the lead-to-tag links. */
@Repository
class TagRepository {

    private final DSLContext db;

    TagRepository(DSLContext db) {
        this.db = db;
    }

    /** Ids of the named tags, creating the missing ones; an existing tag keeps its first spelling. */
    List<Long> ensure(long accountId, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        ensureExist(accountId, names);
        return db.select(TAG_ID).from(TAGS)
                .where(TAG_ACCOUNT_ID.eq(accountId), lower(TAG_NAME).in(names.stream().map(TagRepository::fold).toList()))
                .fetch(TAG_ID);
    }

    /** Inserts the tags that do not exist yet (names compared case-insensitively); takes no lock on existing ones. */
    void ensureExist(long accountId, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        var insert = db.insertInto(TAGS, TAG_ACCOUNT_ID, TAG_NAME);
        for (String name : names) {
            insert = insert.values(accountId, name);
        }
        insert.onConflictDoNothing().execute();
    }

    /**
     * Adds tags to leads (creating missing tags), keeping the tags they already have. {@code leadsAreNew} says that
     * every lead was created in this transaction, so none has a link yet and a plain binary COPY is enough (cheaper
     * than an insert that checks each link for a conflict).
     */
    void addLeadTags(long accountId, Map<Long, List<String>> tagsByLead, boolean leadsAreNew) {
        if (tagsByLead.isEmpty()) {
            return;
        }
        Map<String, String> spellings = new LinkedHashMap<>();
        tagsByLead.values().forEach(names -> names.forEach(name -> spellings.putIfAbsent(fold(name), name)));
        ensureExist(accountId, spellings.values());
        Map<String, Long> ids = new HashMap<>();
        db.select(TAG_ID, TAG_NAME).from(TAGS)
                .where(TAG_ACCOUNT_ID.eq(accountId), lower(TAG_NAME).in(spellings.keySet()))
                .forEach(r -> ids.put(fold(r.get(TAG_NAME)), r.get(TAG_ID)));
        List<Long> leadIds = new ArrayList<>();
        List<Long> tagIds = new ArrayList<>();
        tagsByLead.forEach((leadId, tagNames) -> tagNames.stream().map(name -> ids.get(fold(name))).distinct()
                .forEach(tagId -> {
                    leadIds.add(leadId);
                    tagIds.add(tagId);
                }));
        if (leadsAreNew) {
            copyLinks(accountId, leadIds, tagIds);
            return;
        }
        // one array per column: a multi-row VALUES list of thousands of links costs more to parse than to insert
        db.execute("insert into lead_tags (account_id, lead_id, tag_id) select {0}, u.lead_id, u.tag_id "
                        + "from unnest({1}::bigint[], {2}::bigint[]) as u(lead_id, tag_id) on conflict do nothing",
                org.jooq.impl.DSL.val(accountId), org.jooq.impl.DSL.val(leadIds.toArray(Long[]::new)),
                org.jooq.impl.DSL.val(tagIds.toArray(Long[]::new)));
    }

    /** Links of leads inserted in this transaction, which cannot exist yet: one binary COPY (see BinaryCopyWriter). */
    private void copyLinks(long accountId, List<Long> leadIds, List<Long> tagIds) {
        BinaryCopyWriter copy = new BinaryCopyWriter(leadIds.size() * 38);
        for (int i = 0; i < leadIds.size(); i++) {
            copy.row(3);
            copy.int8(accountId);
            copy.int8(leadIds.get(i));
            copy.int8(tagIds.get(i));
        }
        db.connection(connection -> copy.copyInto(connection, "lead_tags (account_id, lead_id, tag_id)"));
    }

    void replaceLeadTags(long accountId, long leadId, List<String> names) {
        List<Long> tagIds = ensure(accountId, names);
        db.deleteFrom(LEAD_TAGS).where(LT_ACCOUNT_ID.eq(accountId), LT_LEAD_ID.eq(leadId),
                tagIds.isEmpty() ? org.jooq.impl.DSL.noCondition() : LT_TAG_ID.notIn(tagIds)).execute();
        if (!tagIds.isEmpty()) {
            var insert = db.insertInto(LEAD_TAGS, LT_ACCOUNT_ID, LT_LEAD_ID, LT_TAG_ID);
            for (Long tagId : tagIds) {
                insert = insert.values(accountId, leadId, tagId);
            }
            insert.onConflictDoNothing().execute();
        }
    }

    List<TagUsage> usage(long accountId) {
        return db.select(TAG_ID, TAG_NAME, count(LT_LEAD_ID)).from(TAGS)
                .leftJoin(LEAD_TAGS).on(LT_ACCOUNT_ID.eq(TAG_ACCOUNT_ID), LT_TAG_ID.eq(TAG_ID))
                .where(TAG_ACCOUNT_ID.eq(accountId))
                .groupBy(TAG_ID, TAG_NAME).orderBy(lower(TAG_NAME))
                .fetch(r -> new TagUsage(r.get(TAG_ID), r.get(TAG_NAME), r.get(2, Long.class)));
    }

    Optional<TagUsage> find(long accountId, long tagId) {
        return usage(accountId).stream().filter(tag -> tag.id() == tagId).findFirst();
    }

    Optional<Long> idByName(long accountId, String name) {
        return db.select(TAG_ID).from(TAGS).where(TAG_ACCOUNT_ID.eq(accountId), lower(TAG_NAME).eq(fold(name)))
                .fetchOptional(TAG_ID);
    }

    void rename(long accountId, long tagId, String name) {
        try {
            db.update(TAGS).set(TAG_NAME, name).where(TAG_ACCOUNT_ID.eq(accountId), TAG_ID.eq(tagId)).execute();
        } catch (org.springframework.dao.DuplicateKeyException e) { // a tag of that name was created meanwhile
            throw new com.asan.audience.shared.ConflictException("name", "A tag with this name already exists");
        }
    }

    /** Moves every link of {@code from} to {@code into} and drops {@code from}: renaming onto an existing tag. */
    void merge(long accountId, long from, long into) {
        db.insertInto(LEAD_TAGS, LT_ACCOUNT_ID, LT_LEAD_ID, LT_TAG_ID)
                .select(db.select(LT_ACCOUNT_ID, LT_LEAD_ID, org.jooq.impl.DSL.val(into)).from(LEAD_TAGS)
                        .where(LT_ACCOUNT_ID.eq(accountId), LT_TAG_ID.eq(from)))
                .onConflictDoNothing().execute();
        delete(accountId, from);
    }

    /** Up to {@code limit} leads carrying the tag: callers only need to know more than that exist. */
    List<Long> leadsWith(long accountId, long tagId, int limit) {
        return new ArrayList<>(db.select(LT_LEAD_ID).from(LEAD_TAGS)
                .where(LT_ACCOUNT_ID.eq(accountId), LT_TAG_ID.eq(tagId)).limit(limit).fetch(LT_LEAD_ID));
    }

    /** Deletes the tag and its links to leads (lead_tags has no foreign key to cascade them, see V6). */
    void delete(long accountId, long tagId) {
        db.deleteFrom(LEAD_TAGS).where(LT_ACCOUNT_ID.eq(accountId), LT_TAG_ID.eq(tagId)).execute();
        db.deleteFrom(TAGS).where(TAG_ACCOUNT_ID.eq(accountId), TAG_ID.eq(tagId)).execute();
    }

    static String fold(String name) {
        return com.asan.audience.criteria.TextNormalizer.fold(name);
    }
}
