package com.asan.audience.countindex;

import com.asan.audience.countindex.AccountIndex.EngagementKey;
import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.criteria.TextNormalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Builds a new account index from every lead, given once each in ascending id order: the index that
 * {@link AccountIndex#put} would give for the same leads, written column by column instead of lead by lead (see
 * {@link ChunkedBitmaps}). Columns and values are created in the order the lead-by-lead path would create them,
 * so the two indexes are equal down to their snapshot bytes ({@code FreshIndexBuilderTest}).
 */
final class FreshIndexBuilder {

    private final AccountIndex index;
    private final ChunkedBitmaps<String> status;
    private final ChunkedBitmaps<String> source;
    private final ChunkedBitmaps<String> phoneType;
    private final ChunkedBitmaps<Long> assignee;
    private final ChunkedBitmaps<String> tags;
    private final ChunkedBitmaps<String> firstName;
    private final ChunkedBitmaps<String> lastName;
    private final ChunkedBitmaps<String> emailDomains;
    private final TimeColumnBuilder created;
    private final TimeColumnBuilder lastActive;
    /** In first-seen order, the order in which the lead-by-lead path creates the index's columns. */
    private final Map<String, ChunkedBitmaps<Object>> custom = new LinkedHashMap<>();
    private final ChunkedBitmaps<EngagementKey> campaignEngagement = ChunkedBitmaps.standalone(new RoaringBitmap());
    private final Map<String, TimeColumnBuilder> latestEngagement = new LinkedHashMap<>();
    private long lastId = Long.MIN_VALUE;

    FreshIndexBuilder(long accountId) {
        index = new AccountIndex(accountId);
        status = ChunkedBitmaps.into(index.status);
        source = ChunkedBitmaps.into(index.source);
        phoneType = ChunkedBitmaps.into(index.phoneType);
        assignee = ChunkedBitmaps.into(index.assignee);
        tags = ChunkedBitmaps.into(index.tags, FreshIndexBuilder::fold);
        firstName = ChunkedBitmaps.into(index.firstName, FreshIndexBuilder::fold);
        lastName = ChunkedBitmaps.into(index.lastName, FreshIndexBuilder::fold);
        emailDomains = ChunkedBitmaps.into(index.email.domains);
        created = new TimeColumnBuilder(index.created);
        lastActive = new TimeColumnBuilder(index.lastActive);
    }

    void add(LeadFacts lead) {
        if (lead.id() <= lastId) {
            throw new IllegalArgumentException("lead " + lead.id() + " arrived after lead " + lastId);
        }
        lastId = lead.id();
        int ordinal = index.ordinals.add(lead.id());
        addIfPresent(status, lead.status(), ordinal);
        addIfPresent(source, lead.source(), ordinal);
        addIfPresent(phoneType, lead.phone() == null ? null : lead.phoneType(), ordinal);
        addIfPresent(assignee, lead.assignedTo(), ordinal);
        for (String tag : lead.tags()) {
            tags.addRaw(tag, ordinal);
        }
        if (lead.firstName() != null) {
            firstName.addRaw(lead.firstName(), ordinal);
        }
        if (lead.lastName() != null) {
            lastName.addRaw(lead.lastName(), ordinal);
        }
        if (lead.email() != null) {
            String folded = TextNormalizer.fold(lead.email());
            index.email.localParts.set(ordinal, EmailColumn.localPart(folded));
            emailDomains.add(EmailColumn.domain(folded), ordinal);
        }
        created.add(ordinal, TimeColumn.key(lead.createdAt()));
        if (lead.lastActiveAt() != null) {
            lastActive.add(ordinal, TimeColumn.key(lead.lastActiveAt()));
        }
        lead.custom().forEach((key, value) -> {
            if (value != null) {
                custom.computeIfAbsent(key, k -> ChunkedBitmaps.into(AccountIndex.newCustomColumn(value),
                        AccountIndex::customKey)).addRaw(value, ordinal);
            }
        });
        addEngagement(lead, ordinal);
    }

    private static <K> void addIfPresent(ChunkedBitmaps<K> column, K value, int ordinal) {
        if (value != null) {
            column.add(value, ordinal);
        }
    }

    private void addEngagement(LeadFacts lead, int ordinal) {
        if (lead.events().isEmpty()) {
            return;
        }
        Map<String, Long> latestByType = new HashMap<>(4);
        for (LeadFacts.EngagementEvent event : lead.events()) {
            campaignEngagement.add(new EngagementKey(event.campaignId(), event.type()), ordinal);
            latestByType.merge(event.type(), TimeColumn.key(event.occurredAt()), Math::max);
        }
        latestByType.forEach((type, key) -> latestEngagement
                .computeIfAbsent(type, t -> new TimeColumnBuilder(new TimeColumn())).add(ordinal, key));
    }

    /** The index of every lead added, not yet optimised. */
    AccountIndex finish() {
        for (ChunkedBitmaps<?> column : new ChunkedBitmaps<?>[] {status, source, phoneType, assignee, tags,
                firstName, lastName, emailDomains}) {
            column.finish();
        }
        created.finish();
        lastActive.finish();
        // not putAll: it sizes the table otherwise, and so changes its iteration order
        custom.forEach((key, column) -> {
            column.finish();
            index.custom.put(key, column.target());
        });
        campaignEngagement.finish();
        campaignEngagement.forEach(index.campaignEngagement::put);
        latestEngagement.forEach((type, column) -> index.latestEngagement.put(type, column.finish()));
        return index;
    }

    private static String fold(Object text) {
        return TextNormalizer.fold((String) text);
    }
}
