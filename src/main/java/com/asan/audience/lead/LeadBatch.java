package com.asan.audience.lead;

import com.asan.audience.criteria.LeadFacts;
import java.time.Instant;
import java.util.List;

/**
 * Consecutive leads of one account in ascending id order, column by column: what an index build reads. A repeated
 * value (status, a name, a tag, a custom value…) comes as a code, 0, 1, … in first-seen order over the whole read;
 * each batch lists the values first seen in it, so a reader of the batches in order can decode every code.
 * Tags come folded; engagement comes as opened/clicked events, several per lead, campaign and type possible.
 */
public final class LeadBatch {

    /** The code of "no value". */
    public static final int NONE = -1;

    /** A coded column: a code per row (or per tag or event), and the values first seen in this batch. */
    public static final class Codes<V> {
        private final int[] codes;
        private final int firstNewCode;
        private final List<V> newValues;

        Codes(int[] codes, int firstNewCode, List<V> newValues) {
            this.codes = codes;
            this.firstNewCode = firstNewCode;
            this.newValues = newValues;
        }

        /** The code at a position, or {@link #NONE}. */
        public int code(int at) {
            return codes[at];
        }

        /** The code of the first value in {@link #newValues()}; earlier codes appeared in earlier batches. */
        public int firstNewCode() {
            return firstNewCode;
        }

        /** The values first seen in this batch, in code order. */
        public List<V> newValues() {
            return newValues;
        }
    }

    /** Instants as epoch seconds and nanoseconds, without an object each. */
    public static final class Times {
        static final long ABSENT = Long.MIN_VALUE;

        final long[] seconds;
        final int[] nanos;

        Times(int capacity) {
            seconds = new long[capacity];
            nanos = new int[capacity];
        }

        public boolean isPresent(int at) {
            return seconds[at] != ABSENT;
        }

        public long epochSecond(int at) {
            return seconds[at];
        }

        public int nano(int at) {
            return nanos[at];
        }

        Instant instant(int at) {
            return isPresent(at) ? Instant.ofEpochSecond(seconds[at], nanos[at]) : null;
        }

        void set(int at, Instant instant) {
            seconds[at] = instant == null ? ABSENT : instant.getEpochSecond();
            nanos[at] = instant == null ? 0 : instant.getNano();
        }
    }

    /** Which campaign was engaged with, and how: "opened" or "clicked". */
    public record Engagement(long campaignId, String type) {
    }

    /** The columns of a batch of {@code size} leads, as the writer filled them. */
    record Columns(int size, long[] ids, Codes<String> firstNames, Codes<String> lastNames,
                   String[] emailLocalParts, Codes<String> emailDomains, String[] phones, Codes<String> phoneTypes, Codes<String> statuses, Codes<String> sources,
                   Codes<Long> assignees, Times created, Times lastActive, List<String> customKeys,
                   List<Codes<Object>> custom, int[] tagStarts, Codes<String> tags, int[] eventStarts,
                   Codes<Engagement> events, Times eventTimes) {
    }

    private final Columns columns;

    LeadBatch(Columns columns) {
        this.columns = columns;
    }

    /** Leads from the given facts, in their order, as one batch; custom keys are those of any lead, sorted. */
    public static LeadBatch of(List<LeadFacts> leads) {
        return LeadBatchWriter.encode(leads, Math.max(1, leads.size())).get(0);
    }

    /** Leads from the given facts, in their order, as batches of at most {@code batchSize} leads. */
    public static List<LeadBatch> of(List<LeadFacts> leads, int batchSize) {
        return LeadBatchWriter.encode(leads, batchSize);
    }

    public int size() {
        return columns.size();
    }

    public long id(int row) {
        return columns.ids()[row];
    }

    public Codes<String> firstNames() {
        return columns.firstNames();
    }

    public Codes<String> lastNames() {
        return columns.lastNames();
    }

    /**
     * The email address up to its last '@' (the whole address when it has none); null when the lead has no email.
     * The address is this, then '@' and the row's {@link #emailDomains()} value unless that is {@link #NONE}.
     */
    public String emailLocalPart(int row) {
        return columns.emailLocalParts()[row];
    }

    /** The email address after its last '@', as stored (few distinct values); NONE without an email or an '@'. */
    public Codes<String> emailDomains() {
        return columns.emailDomains();
    }

    public String phone(int row) {
        return columns.phones()[row];
    }

    /** The phone type as stored, also of a lead without a phone (an index may ignore it then). */
    public Codes<String> phoneTypes() {
        return columns.phoneTypes();
    }

    public Codes<String> statuses() {
        return columns.statuses();
    }

    public Codes<String> sources() {
        return columns.sources();
    }

    public Codes<Long> assignees() {
        return columns.assignees();
    }

    public Times created() {
        return columns.created();
    }

    public Times lastActive() {
        return columns.lastActive();
    }

    /** The custom field keys of the read, the same in every batch of it; {@link #custom} is in this order. */
    public List<String> customKeys() {
        return columns.customKeys();
    }

    /** The values of one custom field: String (text, select), BigDecimal, LocalDate or Boolean. */
    public Codes<Object> custom(int field) {
        return columns.custom().get(field);
    }

    /** The row's tags are the codes of {@link #tags()} from here up to {@code tagsFrom(row + 1)}. */
    public int tagsFrom(int row) {
        return columns.tagStarts()[row];
    }

    public Codes<String> tags() {
        return columns.tags();
    }

    /** The row's events are those of {@link #events()} and {@link #eventTimes()} from here up to {@code eventsFrom(row + 1)}. */
    public int eventsFrom(int row) {
        return columns.eventStarts()[row];
    }

    public Codes<Engagement> events() {
        return columns.events();
    }

    public Times eventTimes() {
        return columns.eventTimes();
    }

    Columns columns() {
        return columns;
    }
}
