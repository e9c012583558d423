package com.asan.audience.lead;

import com.asan.audience.criteria.LeadFacts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fills {@link LeadBatch}es row by row: a row is started with its lead id, its columns are then set in any order,
 * then its tags and events are added. Hands a batch to the sink every {@code batchSize} rows and on {@link #flush()};
 * the next batch gets new arrays, so a handed-over batch is never written again.
 */
final class LeadBatchWriter {

    static final int BATCH_SIZE = 4_096;

    final ValueCodes<String> firstNames = new ValueCodes<>();
    final ValueCodes<String> lastNames = new ValueCodes<>();
    final ValueCodes<String> emailDomains = new ValueCodes<>();
    final ValueCodes<String> phoneTypes = new ValueCodes<>();
    final ValueCodes<String> statuses = new ValueCodes<>();
    final ValueCodes<String> sources = new ValueCodes<>();
    final ValueCodes<Long> assignees = new ValueCodes<>();
    final List<ValueCodes<Object>> custom = new ArrayList<>();
    final ValueCodes<String> tags = new ValueCodes<>();
    final ValueCodes<LeadBatch.Engagement> events = new ValueCodes<>();

    private final int batchSize;
    private final List<String> customKeys;
    private final Consumer<LeadBatch> sink;
    private int rows;
    private long[] ids;
    int[] firstName;
    int[] lastName;
    String[] emailLocalPart;
    int[] emailDomain;
    String[] phone;
    int[] phoneType;
    int[] status;
    int[] source;
    int[] assignee;
    LeadBatch.Times created;
    LeadBatch.Times lastActive;
    int[][] customValues;
    private int[] tagStarts;
    private int[] tagCodes;
    private int tagCount;
    private int[] eventStarts;
    private int[] eventCodes;
    private LeadBatch.Times eventTimes;
    private int eventCount;

    LeadBatchWriter(int batchSize, List<String> customKeys, Consumer<LeadBatch> sink) {
        this.batchSize = batchSize;
        this.customKeys = List.copyOf(customKeys);
        this.sink = sink;
        customKeys.forEach(key -> custom.add(new ValueCodes<>()));
    }

    private void startBatch() {
        rows = 0;
        ids = new long[batchSize];
        firstName = new int[batchSize];
        lastName = new int[batchSize];
        emailLocalPart = new String[batchSize];
        emailDomain = new int[batchSize];
        phone = new String[batchSize];
        phoneType = new int[batchSize];
        status = new int[batchSize];
        source = new int[batchSize];
        assignee = new int[batchSize];
        created = new LeadBatch.Times(batchSize);
        lastActive = new LeadBatch.Times(batchSize);
        customValues = new int[customKeys.size()][batchSize];
        tagStarts = new int[batchSize + 1];
        tagCodes = new int[batchSize * 2];
        tagCount = 0;
        eventStarts = new int[batchSize + 1];
        eventCodes = new int[batchSize * 2];
        eventTimes = new LeadBatch.Times(batchSize * 2);
        eventCount = 0;
    }

    /** Starts a row; the previous row is complete. Returns the row's index, where its columns are set. */
    int startRow(long id) {
        if (rows == batchSize) {
            emit();
        }
        if (ids == null) {
            startBatch();
        }
        int row = rows++;
        ids[row] = id;
        tagStarts[row] = tagCount;
        eventStarts[row] = eventCount;
        return row;
    }

    /** Sets a row's email address from its UTF-8 bytes (see {@link LeadBatch#emailLocalPart}). */
    void email(int row, byte[] bytes, int offset, int length) {
        int at = offset + length - 1;
        while (at >= offset && bytes[at] != '@') {
            at--;
        }
        if (at < offset) {
            emailLocalPart[row] = new String(bytes, offset, length, StandardCharsets.UTF_8);
            emailDomain[row] = LeadBatch.NONE;
        } else {
            emailLocalPart[row] = new String(bytes, offset, at - offset, StandardCharsets.UTF_8);
            emailDomain[row] = emailDomains.code(bytes, at + 1, offset + length - at - 1, Function.identity());
        }
    }

    void noEmail(int row) {
        emailLocalPart[row] = null;
        emailDomain[row] = LeadBatch.NONE;
    }

    /** Adds a tag to the current row (a code of {@link #tags}; NONE is skipped). */
    void addTag(int code) {
        if (code == LeadBatch.NONE) {
            return;
        }
        if (tagCount == tagCodes.length) {
            tagCodes = Arrays.copyOf(tagCodes, tagCount * 2);
        }
        tagCodes[tagCount++] = code;
    }

    /** Adds an event to the current row: a code of {@link #events} and when it happened. */
    void addEvent(int code, long epochSecond, int nano) {
        if (eventCount == eventCodes.length) {
            eventCodes = Arrays.copyOf(eventCodes, eventCount * 2);
            LeadBatch.Times grown = new LeadBatch.Times(eventCount * 2);
            System.arraycopy(eventTimes.seconds, 0, grown.seconds, 0, eventCount);
            System.arraycopy(eventTimes.nanos, 0, grown.nanos, 0, eventCount);
            eventTimes = grown;
        }
        eventCodes[eventCount] = code;
        eventTimes.seconds[eventCount] = epochSecond;
        eventTimes.nanos[eventCount] = nano;
        eventCount++;
    }

    /** Hands the rows written since the last batch to the sink, if any. */
    void flush() {
        if (rows > 0) {
            emit();
        }
    }

    private void emit() {
        tagStarts[rows] = tagCount;
        eventStarts[rows] = eventCount;
        List<LeadBatch.Codes<Object>> customColumns = new ArrayList<>();
        for (int field = 0; field < customKeys.size(); field++) {
            customColumns.add(custom.get(field).take(customValues[field]));
        }
        sink.accept(new LeadBatch(new LeadBatch.Columns(rows, ids, firstNames.take(firstName),
                lastNames.take(lastName), emailLocalPart, emailDomains.take(emailDomain), phone, phoneTypes.take(phoneType), statuses.take(status),
                sources.take(source), assignees.take(assignee), created, lastActive, customKeys, customColumns,
                tagStarts, tags.take(tagCodes), eventStarts, events.take(eventCodes), eventTimes)));
        // the next batch gets new arrays when its first row starts, not at the end of the read
        ids = null;
        rows = 0;
    }

    /** The leads held as facts, in batches (at least one, maybe empty); custom keys are those of any lead, sorted. */
    static List<LeadBatch> encode(List<LeadFacts> leads, int batchSize) {
        TreeSet<String> keys = new TreeSet<>();
        leads.forEach(lead -> keys.addAll(lead.custom().keySet()));
        List<LeadBatch> batches = new ArrayList<>();
        LeadBatchWriter writer = new LeadBatchWriter(batchSize, List.copyOf(keys), batches::add);
        leads.forEach(writer::write);
        writer.flush();
        if (batches.isEmpty()) {
            writer.startBatch();
            writer.emit();
        }
        return batches;
    }

    private void write(LeadFacts lead) {
        int row = startRow(lead.id());
        firstName[row] = firstNames.code(lead.firstName());
        lastName[row] = lastNames.code(lead.lastName());
        String email = lead.email();
        int lastAt = email == null ? -1 : email.lastIndexOf('@');
        emailLocalPart[row] = lastAt < 0 ? email : email.substring(0, lastAt);
        emailDomain[row] = lastAt < 0 ? LeadBatch.NONE : emailDomains.code(email.substring(lastAt + 1));
        phone[row] = lead.phone();
        phoneType[row] = phoneTypes.code(lead.phoneType());
        status[row] = statuses.code(lead.status());
        source[row] = sources.code(lead.source());
        assignee[row] = assignees.code(lead.assignedTo());
        created.set(row, lead.createdAt());
        lastActive.set(row, lead.lastActiveAt());
        Map<String, Object> values = lead.custom();
        for (int field = 0; field < customKeys.size(); field++) {
            customValues[field][row] = custom.get(field).code(values.get(customKeys.get(field)));
        }
        lead.tags().forEach(tag -> addTag(tags.code(tag)));
        for (LeadFacts.EngagementEvent event : lead.events()) {
            Instant at = event.occurredAt();
            addEvent(events.code(new LeadBatch.Engagement(event.campaignId(), event.type())), at.getEpochSecond(),
                    at.getNano());
        }
    }
}
