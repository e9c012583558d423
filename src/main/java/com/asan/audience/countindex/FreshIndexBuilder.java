package com.asan.audience.countindex;

import com.asan.audience.countindex.AccountIndex.EngagementKey;
import com.asan.audience.criteria.TextNormalizer;
import com.asan.audience.lead.LeadBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Builds a new account index from every lead, given once each in ascending id order as {@link LeadBatch}es: the
 * index that {@link AccountIndex#put} would give for the same leads, written column by column instead of lead by
 * lead (see {@link ChunkedBitmaps}). A batch's value codes are translated to column codes when a lead first uses
 * them, so values are numbered in the order the lead-by-lead path would create them and the two indexes are equal
 * down to their snapshot bytes ({@code FreshIndexBuilderProperties}).
 */
final class FreshIndexBuilder {

    private final AccountIndex index;
    private final CodedColumn<String> status;
    private final CodedColumn<String> source;
    private final CodedColumn<String> phoneType;
    private final CodedColumn<Long> assignee;
    private final CodedColumn<String> tags;
    private final CodedColumn<String> firstName;
    private final CodedColumn<String> lastName;
    /** Domains as given, normalised as {@code EmailColumn.domain(fold(email))} would give them. */
    private final CodedColumn<String> emailDomains;
    private final TimeColumnBuilder created;
    private final TimeColumnBuilder lastActive;
    private final List<CodedColumn<Object>> custom = new ArrayList<>();
    /** Who engaged with each campaign, and how: one bitmap per {@link EngagementKey}. */
    private final CodedColumn<EngagementKey> engagement = new CodedColumn<>(ChunkedBitmaps.standalone(
            new RoaringBitmap(), event -> new EngagementKey(((LeadBatch.Engagement) event).campaignId(),
                    ((LeadBatch.Engagement) event).type())));
    private final EngagementTimes latestEngagement = new EngagementTimes();
    private List<String> customKeys;
    private int[] ordinals = new int[0];
    private long lastId = Long.MIN_VALUE;

    FreshIndexBuilder(long accountId) {
        index = new AccountIndex(accountId);
        status = new CodedColumn<>(ChunkedBitmaps.into(index.status));
        source = new CodedColumn<>(ChunkedBitmaps.into(index.source));
        phoneType = new CodedColumn<>(ChunkedBitmaps.into(index.phoneType));
        assignee = new CodedColumn<>(ChunkedBitmaps.into(index.assignee));
        tags = new CodedColumn<>(ChunkedBitmaps.into(index.tags, FreshIndexBuilder::fold));
        firstName = new CodedColumn<>(ChunkedBitmaps.into(index.firstName, FreshIndexBuilder::fold));
        lastName = new CodedColumn<>(ChunkedBitmaps.into(index.lastName, FreshIndexBuilder::fold));
        emailDomains = new CodedColumn<>(ChunkedBitmaps.into(index.email.domains,
                domain -> EmailColumn.foldedDomain((String) domain)));
        created = new TimeColumnBuilder(index.created);
        lastActive = new TimeColumnBuilder(index.lastActive);
    }

    /** Adds the batch's leads; batches come in the order they were read, their ids above every earlier one. */
    void add(LeadBatch batch) {
        int size = batch.size();
        numberLeads(batch, size);
        status.addAll(batch.statuses(), ordinals, size);
        source.addAll(batch.sources(), ordinals, size);
        phoneType.learn(batch.phoneTypes());
        for (int row = 0; row < size; row++) {
            if (batch.phone(row) != null) {
                phoneType.add(batch.phoneTypes().code(row), ordinals[row]);
            }
        }
        assignee.addAll(batch.assignees(), ordinals, size);
        firstName.addAll(batch.firstNames(), ordinals, size);
        lastName.addAll(batch.lastNames(), ordinals, size);
        addEmails(batch, size);
        addTimes(created, batch.created(), size);
        addTimes(lastActive, batch.lastActive(), size);
        addCustom(batch, size);
        tags.learn(batch.tags());
        engagement.learn(batch.events());
        for (int row = 0; row < size; row++) {
            for (int t = batch.tagsFrom(row); t < batch.tagsFrom(row + 1); t++) {
                tags.add(batch.tags().code(t), ordinals[row]);
            }
            addEngagement(batch, row);
        }
    }

    private void numberLeads(LeadBatch batch, int size) {
        if (ordinals.length < size) {
            ordinals = new int[size];
        }
        for (int row = 0; row < size; row++) {
            long id = batch.id(row);
            if (id <= lastId) {
                throw new IllegalArgumentException("lead " + id + " arrived after lead " + lastId);
            }
            lastId = id;
            ordinals[row] = index.ordinals.add(id);
        }
    }

    /** What {@code AccountIndex.put} writes for {@code fold(email)}, from the address's two halves as stored. */
    private void addEmails(LeadBatch batch, int size) {
        LeadBatch.Codes<String> domains = batch.emailDomains();
        emailDomains.learn(domains);
        for (int row = 0; row < size; row++) {
            String localPart = batch.emailLocalPart(row);
            if (localPart == null) {
                continue;
            }
            int domain = domains.code(row);
            if (domain == LeadBatch.NONE) {
                String folded = TextNormalizer.fold(localPart);
                index.email.localParts.set(ordinals[row], folded);
                emailDomains.target.add(EmailColumn.domain(folded), ordinals[row]);
            } else {
                index.email.localParts.set(ordinals[row], EmailColumn.foldedLocalPart(localPart));
                emailDomains.add(domain, ordinals[row]);
            }
        }
    }

    private void addTimes(TimeColumnBuilder column, LeadBatch.Times times, int size) {
        for (int row = 0; row < size; row++) {
            if (times.isPresent(row)) {
                column.add(ordinals[row], TimeColumn.key(times.epochSecond(row), times.nano(row)));
            }
        }
    }

    private void addCustom(LeadBatch batch, int size) {
        if (customKeys == null) {
            customKeys = batch.customKeys();
            customKeys.forEach(key -> custom.add(new CodedColumn<>(null)));
        } else if (!customKeys.equals(batch.customKeys())) {
            throw new IllegalArgumentException("the custom fields changed between batches of one read");
        }
        for (int field = 0; field < customKeys.size(); field++) {
            CodedColumn<Object> column = custom.get(field);
            LeadBatch.Codes<Object> values = batch.custom(field);
            column.learn(values);
            if (column.target == null && !column.values.isEmpty()) {
                column.target = ChunkedBitmaps.into(AccountIndex.newCustomColumn(column.values.get(0)),
                        AccountIndex::customKey);
            }
            for (int row = 0; row < size; row++) {
                column.add(values.code(row), ordinals[row]);
            }
        }
    }

    private void addEngagement(LeadBatch batch, int row) {
        int from = batch.eventsFrom(row);
        int to = batch.eventsFrom(row + 1);
        if (from == to) {
            return;
        }
        int ordinal = ordinals[row];
        for (int e = from; e < to; e++) {
            int code = batch.events().code(e);
            engagement.add(code, ordinal);
            latestEngagement.note(((LeadBatch.Engagement) engagement.values.get(code)).type(),
                    TimeColumn.key(batch.eventTimes().epochSecond(e), batch.eventTimes().nano(e)));
        }
        latestEngagement.endLead(ordinal);
    }

    /** The index of every lead added, not yet optimised. */
    AccountIndex finish() {
        for (CodedColumn<?> column : List.of(status, source, phoneType, assignee, tags, firstName, lastName)) {
            column.target.finish();
        }
        emailDomains.target.finish();
        created.finish();
        lastActive.finish();
        if (customKeys != null) {
            for (int field = 0; field < customKeys.size(); field++) {
                ChunkedBitmaps<Object> column = custom.get(field).target;
                if (column != null) {
                    column.finish();
                    index.custom.put(customKeys.get(field), column.target());
                }
            }
        }
        engagement.target.finish();
        engagement.target.forEach(index.campaignEngagement::put);
        latestEngagement.finish(index.latestEngagement);
        return index;
    }

    private static String fold(Object text) {
        return TextNormalizer.fold((String) text);
    }

    /** A column fed by a batch column's codes, each translated to the column's own code when first used. */
    private static final class CodedColumn<V> {
        ChunkedBitmaps<V> target;
        final List<Object> values = new ArrayList<>();
        /** Per batch code, the column's code; -1 until a lead uses it. */
        private int[] translated = new int[0];

        CodedColumn(ChunkedBitmaps<V> target) {
            this.target = target;
        }

        void learn(LeadBatch.Codes<?> codes) {
            if (codes.firstNewCode() != values.size()) {
                throw new IllegalArgumentException("a batch was skipped: expected code " + values.size()
                        + ", got " + codes.firstNewCode());
            }
            values.addAll(codes.newValues());
            if (translated.length < values.size()) {
                int old = translated.length;
                translated = Arrays.copyOf(translated, Math.max(Math.max(old * 2, 16), values.size()));
                Arrays.fill(translated, old, translated.length, -1);
            }
        }

        void addAll(LeadBatch.Codes<?> codes, int[] ordinals, int size) {
            learn(codes);
            for (int row = 0; row < size; row++) {
                add(codes.code(row), ordinals[row]);
            }
        }

        void add(int code, int ordinal) {
            if (code == LeadBatch.NONE) {
                return;
            }
            int columnCode = translated[code];
            if (columnCode < 0) {
                columnCode = target.codeOfRaw(values.get(code));
                translated[code] = columnCode;
            }
            target.addCode(columnCode, ordinal);
        }
    }

    /** The latest opened / clicked time per lead: one time column per event type. */
    private static final class EngagementTimes {
        private final List<String> types = new ArrayList<>(2);
        private final List<TimeColumnBuilder> columns = new ArrayList<>(2);
        private long[] latest = new long[2];
        private boolean[] noted = new boolean[2];

        void note(String type, long key) {
            int slot = types.indexOf(type);
            if (slot < 0) {
                slot = types.size();
                types.add(type);
                columns.add(new TimeColumnBuilder(new TimeColumn()));
                latest = Arrays.copyOf(latest, Math.max(latest.length, slot + 1));
                noted = Arrays.copyOf(noted, Math.max(noted.length, slot + 1));
            }
            latest[slot] = noted[slot] ? Math.max(latest[slot], key) : key;
            noted[slot] = true;
        }

        /** Adds the latest times noted since the last lead ended to the lead's ordinal. */
        void endLead(int ordinal) {
            for (int slot = 0; slot < types.size(); slot++) {
                if (noted[slot]) {
                    columns.get(slot).add(ordinal, latest[slot]);
                    noted[slot] = false;
                }
            }
        }

        void finish(Map<String, TimeColumn> into) {
            for (int slot = 0; slot < types.size(); slot++) {
                into.put(types.get(slot), columns.get(slot).finish());
            }
        }
    }
}
