package com.asan.audience.segment;

import java.time.OffsetDateTime;
import java.util.Map;

/** A segment with its current member count. */
public record SegmentView(long id, String name, String description, Map<String, Object> criteria, long count,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
