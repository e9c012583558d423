package com.asan.audience.criteria;

/** What a test reads from a lead: a built-in attribute or a custom field. */
public sealed interface Attribute permits StandardAttribute, CustomAttribute {
}
