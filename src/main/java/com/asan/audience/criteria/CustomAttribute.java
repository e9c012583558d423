package com.asan.audience.criteria;

/** A custom field, by its key and declared type. */
public record CustomAttribute(String key, FieldType type) implements Attribute {
}
