package com.asan.audience.lead;

import com.asan.audience.criteria.LeadFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the batches of one read, given in order, back into {@link LeadFacts}, engagement as the latest event per
 * campaign and type.
 */
final class LeadBatchDecoder implements Consumer<LeadBatch> {

    private final Consumer<LeadFacts> sink;
    private final List<String> firstNames = new ArrayList<>();
    private final List<String> lastNames = new ArrayList<>();
    private final List<String> emailDomains = new ArrayList<>();
    private final List<String> phoneTypes = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<Long> assignees = new ArrayList<>();
    private final List<List<Object>> custom = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<LeadBatch.Engagement> events = new ArrayList<>();

    LeadBatchDecoder(Consumer<LeadFacts> sink) {
        this.sink = sink;
    }

    @Override
    public void accept(LeadBatch batch) {
        learn(firstNames, batch.firstNames());
        learn(lastNames, batch.lastNames());
        learn(emailDomains, batch.emailDomains());
        learn(phoneTypes, batch.phoneTypes());
        learn(statuses, batch.statuses());
        learn(sources, batch.sources());
        learn(assignees, batch.assignees());
        while (custom.size() < batch.customKeys().size()) {
            custom.add(new ArrayList<>());
        }
        for (int field = 0; field < batch.customKeys().size(); field++) {
            learn(custom.get(field), batch.custom(field));
        }
        learn(tags, batch.tags());
        learn(events, batch.events());
        for (int row = 0; row < batch.size(); row++) {
            sink.accept(lead(batch, row));
        }
    }

    private LeadFacts lead(LeadBatch batch, int row) {
        Map<String, Object> values = new HashMap<>();
        for (int field = 0; field < batch.customKeys().size(); field++) {
            Object value = value(custom.get(field), batch.custom(field), row);
            if (value != null) {
                values.put(batch.customKeys().get(field), value);
            }
        }
        Set<String> leadTags = new HashSet<>();
        for (int t = batch.tagsFrom(row); t < batch.tagsFrom(row + 1); t++) {
            leadTags.add(tags.get(batch.tags().code(t)));
        }
        List<LeadFacts.EngagementEvent> latest = new ArrayList<>(2);
        for (int e = batch.eventsFrom(row); e < batch.eventsFrom(row + 1); e++) {
            LeadBatch.Engagement engagement = events.get(batch.events().code(e));
            keepLatest(latest, new LeadFacts.EngagementEvent(engagement.campaignId(), engagement.type(),
                    batch.eventTimes().instant(e)));
        }
        return new LeadFacts(batch.id(row), value(firstNames, batch.firstNames(), row),
                value(lastNames, batch.lastNames(), row), email(batch, row), batch.phone(row),
                value(phoneTypes, batch.phoneTypes(), row), value(statuses, batch.statuses(), row),
                value(sources, batch.sources(), row), leadTags, value(assignees, batch.assignees(), row),
                batch.created().instant(row), batch.lastActive().instant(row), values, latest);
    }

    private String email(LeadBatch batch, int row) {
        String localPart = batch.emailLocalPart(row);
        String domain = value(emailDomains, batch.emailDomains(), row);
        return localPart == null || domain == null ? localPart : localPart + "@" + domain;
    }

    private static <V> void learn(List<V> known, LeadBatch.Codes<V> codes) {
        if (codes.firstNewCode() != known.size()) {
            throw new IllegalStateException("a batch was skipped: expected code " + known.size() + ", got "
                    + codes.firstNewCode());
        }
        known.addAll(codes.newValues());
    }

    private static <V> V value(List<V> known, LeadBatch.Codes<V> codes, int row) {
        int code = codes.code(row);
        return code == LeadBatch.NONE ? null : known.get(code);
    }

    /** One event per campaign and type: the latest. */
    private static void keepLatest(List<LeadFacts.EngagementEvent> latest, LeadFacts.EngagementEvent event) {
        for (int i = 0; i < latest.size(); i++) {
            LeadFacts.EngagementEvent kept = latest.get(i);
            if (kept.campaignId() == event.campaignId() && kept.type().equals(event.type())) {
                if (event.occurredAt().isAfter(kept.occurredAt())) {
                    latest.set(i, event);
                }
                return;
            }
        }
        latest.add(event);
    }
}
