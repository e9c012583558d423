package com.asan.audience.criteria;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lead as the reference evaluator sees it. Custom values are String (text, select), BigDecimal (number),
 * LocalDate (date) or Boolean (boolean); absent keys have no value.
 */
public record LeadFacts(long id, String firstName, String lastName, String email, String phone, String phoneType,
                        String status, String source, Set<String> tags, Long assignedTo, Instant createdAt,
                        Instant lastActiveAt, Map<String, Object> custom, List<EngagementEvent> events) {

    /** One email engagement event of the lead. */
    public record EngagementEvent(long campaignId, String type, Instant occurredAt) {
    }
}
