package com.asan.audience.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One recorded change. {@code type} names it ({@code segment.deleted}); {@code before} and {@code after} hold the
 * changed values when they are small (long texts are cut, bodies such as a campaign's HTML are left out).
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, Long memberId, String actor, String type,
                         String targetId, String summary, Map<String, Object> before, Map<String, Object> after) {
}
