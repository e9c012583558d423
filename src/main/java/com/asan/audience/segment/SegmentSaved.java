package com.asan.audience.segment;

/** A segment was created, changed or duplicated. */
public record SegmentSaved(long accountId, long segmentId) {
}
