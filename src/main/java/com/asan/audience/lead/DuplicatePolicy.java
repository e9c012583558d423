package com.asan.audience.lead;

/** What a bulk write does with a lead whose email (or, without email, phone) is already stored. */
public enum DuplicatePolicy {
    /** Leave the stored lead alone and report the row as skipped. */
    SKIP,
    /** Overwrite the stored lead with every value the row gives; tags are added. */
    UPDATE,
    /** Fill only the stored lead's empty fields, add tags and mark it active now (a repeat form submission). */
    FILL_EMPTY
}
