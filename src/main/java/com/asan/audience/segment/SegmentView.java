package com.asan.audience.segment;

import java.time.OffsetDateTime;
import java.util.Map;

/** A segment with its current member count; {@code createdBy} is the member who created it (null for the system). */
public record SegmentView(long id, String name, String description, Map<String, Object> criteria, long count,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt, Long createdBy) {
}
