package com.asan.audience.lead;

/** An account's custom field definitions changed (added, relabelled, retyped or deleted). */
public record CustomFieldsChanged(long accountId, String key) {
}
