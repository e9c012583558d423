package com.asan.audience.countindex;

import com.asan.audience.criteria.Attribute;
import com.asan.audience.criteria.CustomAttribute;
import com.asan.audience.criteria.FieldType;
import com.asan.audience.criteria.LeadFacts;
import com.asan.audience.criteria.StandardAttribute;
import com.asan.audience.criteria.TextNormalizer;
import com.asan.audience.lead.LeadSnapshots;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;

/**
 * The in-memory index of one account: per-value bitmaps over dense lead ordinals, range structures for times,
 * numbers and dates, and engagement per campaign and event type. Not thread-safe: {@link CountIndex} guards it.
 */
final class AccountIndex {

    record EngagementKey(long campaignId, String type) {
    }

    final long accountId;
    long version;
    final Ordinals ordinals = new Ordinals();
    final ValueBitmaps<String> status = ValueBitmaps.hashed();
    final ValueBitmaps<String> source = ValueBitmaps.hashed();
    final ValueBitmaps<String> phoneType = ValueBitmaps.hashed();
    final ValueBitmaps<Long> assignee = ValueBitmaps.hashed();
    final ValueBitmaps<String> tags = ValueBitmaps.hashed();
    final ValueBitmaps<String> firstName = ValueBitmaps.hashed();
    final ValueBitmaps<String> lastName = ValueBitmaps.hashed();
    final EmailColumn email = new EmailColumn();
    final TimeColumn created = new TimeColumn();
    final TimeColumn lastActive = new TimeColumn();
    final Map<String, ValueBitmaps<Object>> custom = new HashMap<>();
    /**
     * Who opened / clicked each campaign, one bitmap per campaign and type, which is also its own "has a value"
     * (no times: a campaign-specific within_days goes to PostgreSQL).
     */
    final Map<EngagementKey, RoaringBitmap> campaignEngagement = new HashMap<>();
    /** The latest opened / clicked time of any campaign, per lead, for "any campaign within N days". */
    final Map<String, TimeColumn> latestEngagement = new HashMap<>();

    AccountIndex(long accountId) {
        this.accountId = accountId;
    }

    /**
     * Inserts or replaces a lead. A known lead's columns are rewritten in place: a column whose value did not change
     * is left alone (found by one lookup), as finding an ordinal's old value means asking every value's bitmap.
     */
    void put(LeadFacts lead) {
        int existing = ordinals.find(lead.id());
        boolean known = existing >= 0;
        // a new ordinal is live from the start; a known one may have been retired
        int ordinal = known ? existing : ordinals.add(lead.id());
        if (known) {
            ordinals.live().add(ordinal);
            tags.remove(ordinal);
        }
        write(status, lead.status(), ordinal, known);
        write(source, lead.source(), ordinal, known);
        write(phoneType, lead.phone() == null ? null : lead.phoneType(), ordinal, known);
        write(assignee, lead.assignedTo(), ordinal, known);
        lead.tags().forEach(tag -> tags.add(TextNormalizer.fold(tag), ordinal));
        write(firstName, lead.firstName() == null ? null : TextNormalizer.fold(lead.firstName()), ordinal, known);
        write(lastName, lead.lastName() == null ? null : TextNormalizer.fold(lead.lastName()), ordinal, known);
        if (lead.email() != null) {
            email.set(ordinal, TextNormalizer.fold(lead.email()));
        } else if (known) {
            email.clear(ordinal);
        }
        created.set(ordinal, TimeColumn.key(lead.createdAt()));
        lastActive.set(ordinal, lead.lastActiveAt() == null ? TimeColumn.NONE : TimeColumn.key(lead.lastActiveAt()));
        if (known) {
            custom.forEach((key, values) -> {
                if (lead.custom().get(key) == null) {
                    values.remove(ordinal);
                }
            });
        }
        lead.custom().forEach((key, value) -> {
            if (value != null) {
                write(custom.computeIfAbsent(key, k -> newCustomColumn(value)), customKey(value), ordinal, known);
            }
        });
        writeEngagement(lead, ordinal, known);
    }

    /** Makes value the ordinal's value in a single-valued column (null: none). */
    private static <K> void write(ValueBitmaps<K> column, K value, int ordinal, boolean known) {
        if (known) {
            column.set(value, ordinal);
        } else if (value != null) {
            column.add(value, ordinal);
        }
    }

    private void writeEngagement(LeadFacts lead, int ordinal, boolean known) {
        Map<String, Long> latestByType = new HashMap<>(4);
        Set<EngagementKey> engaged = known ? new HashSet<>() : null;
        for (LeadFacts.EngagementEvent event : lead.events()) {
            EngagementKey key = new EngagementKey(event.campaignId(), event.type());
            campaignEngagement.computeIfAbsent(key, k -> new RoaringBitmap()).add(ordinal);
            latestByType.merge(event.type(), TimeColumn.key(event.occurredAt()), Math::max);
            if (known) {
                engaged.add(key);
            }
        }
        if (known) {
            campaignEngagement.forEach((key, engagedLeads) -> {
                if (!engaged.contains(key)) {
                    engagedLeads.remove(ordinal);
                }
            });
        }
        latestEngagement.forEach((type, column) -> {
            if (!latestByType.containsKey(type)) {
                column.clear(ordinal);
            }
        });
        latestByType.forEach((type, key) -> latestEngagement.computeIfAbsent(type, k -> new TimeColumn())
                .set(ordinal, key));
    }

    /** Applies what changed since this index's version: current leads are put, the others removed. */
    void apply(LeadSnapshots.Changes changes) {
        changes.droppedFields().forEach(custom::remove);
        changes.unassignedMembers().forEach(assignee::removeValue);
        Set<Long> stillThere = new HashSet<>();
        changes.current().forEach(lead -> {
            put(lead);
            stillThere.add(lead.id());
        });
        changes.changedIds().stream().filter(id -> !stillThere.contains(id)).forEach(this::remove);
        version = changes.version();
    }

    void remove(long leadId) {
        int ordinal = ordinals.find(leadId);
        if (ordinal >= 0) {
            clear(ordinal);
            ordinals.retire(ordinal);
        }
    }

    private void clear(int ordinal) {
        created.clear(ordinal);
        lastActive.clear(ordinal);
        latestEngagement.values().forEach(column -> column.clear(ordinal));
        status.remove(ordinal);
        source.remove(ordinal);
        phoneType.remove(ordinal);
        assignee.remove(ordinal);
        tags.remove(ordinal);
        firstName.remove(ordinal);
        lastName.remove(ordinal);
        email.clear(ordinal);
        custom.values().forEach(values -> values.remove(ordinal));
        campaignEngagement.values().forEach(engagedLeads -> engagedLeads.remove(ordinal));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ValueBitmaps<Object> newCustomColumn(Object sample) {
        return sample instanceof BigDecimal || sample instanceof LocalDate ? (ValueBitmaps) ValueBitmaps.sorted()
                : ValueBitmaps.hashed();
    }

    @SuppressWarnings("unchecked")
    static <T> T customKey(Object value) {
        if (value instanceof BigDecimal number) {
            return (T) number.stripTrailingZeros(); // 1.50 and 1.5: one key, equal by equals as by compareTo
        }
        return (T) (value instanceof String text ? TextNormalizer.fold(text) : value);
    }

    int leadCount() {
        return ordinals.live().getCardinality();
    }

    long sizeInBytes() {
        return sizeBreakdown().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Bytes per structure, for the metrics and the benchmark. */
    Map<String, Long> sizeBreakdown() {
        Map<String, Long> bytes = new java.util.LinkedHashMap<>();
        bytes.put("ordinals", ordinals.sizeInBytes());
        bytes.put("status, source, phone type, agent", status.sizeInBytes() + source.sizeInBytes()
                + phoneType.sizeInBytes() + assignee.sizeInBytes());
        bytes.put("tags", tags.sizeInBytes());
        bytes.put("first and last names", firstName.sizeInBytes() + lastName.sizeInBytes());
        bytes.put("email", email.sizeInBytes());
        bytes.put("created, last active", created.sizeInBytes() + lastActive.sizeInBytes());
        bytes.put("custom fields", custom.values().stream().mapToLong(ValueBitmaps::sizeInBytes).sum());
        bytes.put("engagement per campaign", campaignEngagement.values().stream()
                .mapToLong(engagedLeads -> 64 + engagedLeads.getLongSizeInBytes()).sum());
        bytes.put("latest engagement times", latestEngagement.values().stream()
                .mapToLong(TimeColumn::sizeInBytes).sum());
        return bytes;
    }

    void optimize() {
        status.optimize();
        source.optimize();
        phoneType.optimize();
        assignee.optimize();
        tags.optimize();
        firstName.optimize();
        lastName.optimize();
        email.optimize();
        custom.values().forEach(ValueBitmaps::optimize);
        campaignEngagement.values().forEach(RoaringBitmap::runOptimize);
        created.optimize();
        lastActive.optimize();
        latestEngagement.values().forEach(TimeColumn::optimize);
        ordinals.trim();
    }

    /** The leads that have a value for the attribute. */
    RoaringBitmap presentOf(Attribute attribute) {
        if (attribute instanceof CustomAttribute customAttribute) {
            ValueBitmaps<Object> values = custom.get(customAttribute.key());
            return values == null ? new RoaringBitmap() : values.present();
        }
        return switch ((StandardAttribute) attribute) {
            case PHONE_TYPE -> phoneType.present();
            case TAGS -> tags.present();
            case ASSIGNED_TO -> assignee.present();
            case LAST_ACTIVE -> lastActive.present();
            case CREATED -> created.present();
            case FIRST_NAME -> firstName.present();
            case LAST_NAME -> lastName.present();
            case STATUS -> status.present();
            case SOURCE -> source.present();
            case EMAIL -> email.present();
        };
    }

    /** The folded-value bitmaps of a single-valued text attribute (names, custom text and select); null otherwise. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    ValueBitmaps<Object> textValues(Attribute attribute) {
        if (attribute instanceof CustomAttribute customAttribute) {
            return customColumn(customAttribute);
        }
        return switch ((StandardAttribute) attribute) {
            case FIRST_NAME -> (ValueBitmaps) firstName;
            case LAST_NAME -> (ValueBitmaps) lastName;
            default -> null;
        };
    }

    /** A custom field's value bitmaps (sorted for numbers and dates); empty when no lead has a value yet. */
    @SuppressWarnings("unchecked")
    <T> ValueBitmaps<T> customValues(CustomAttribute attribute) {
        return (ValueBitmaps<T>) customColumn(attribute);
    }

    /**
     * The key's column when it holds values of the attribute's type, else an empty one of the right kind. Another
     * type means a field of the same key was deleted or retyped in a change this index has not applied yet: such
     * an index is only asked before its catch-up, and an answer that misses a change is never taken as current.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ValueBitmaps<Object> customColumn(CustomAttribute attribute) {
        boolean sorted = attribute.type() == FieldType.NUMBER || attribute.type() == FieldType.DATE;
        ValueBitmaps<Object> values = custom.get(attribute.key());
        if (values != null && values.isSorted() == sorted && (values.byValue.isEmpty()
                || holdsType(values.byValue.keySet().iterator().next(), attribute.type()))) {
            return values;
        }
        return sorted ? (ValueBitmaps) ValueBitmaps.sorted() : ValueBitmaps.hashed();
    }

    private static boolean holdsType(Object value, FieldType type) {
        return switch (type) {
            case NUMBER -> value instanceof BigDecimal;
            case DATE -> value instanceof LocalDate;
            case BOOLEAN -> value instanceof Boolean;
            case TEXT, SELECT -> value instanceof String;
        };
    }

    RoaringBitmap live() {
        return ordinals.live();
    }
}
