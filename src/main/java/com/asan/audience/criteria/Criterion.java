package com.asan.audience.criteria;

/** A node of a criteria tree: a group of criteria or a single condition. */
public sealed interface Criterion permits Group, Condition {
}
