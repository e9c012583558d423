package com.asan.audience.segment;

/** A segment's id and name, for lists such as "segments this lead is in". */
public record SegmentSummary(long id, String name) {
}
