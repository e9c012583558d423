package com.asan.audience.lead;

/** A tag was renamed, merged or deleted for every lead of the account at once. */
public record TagsChanged(long accountId) {
}
