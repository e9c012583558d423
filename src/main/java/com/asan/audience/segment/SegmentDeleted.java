package com.asan.audience.segment;

/** A segment was deleted; its leads are untouched. */
public record SegmentDeleted(long accountId, long segmentId) {
}
