package com.asan.audience.lead;

/** What a bulk write does with a lead whose email (or, without email, phone) is already stored. */
public enum DuplicatePolicy {
    /** Leave the stored lead alone and report the row as skipped. */
    SKIP,
    /** Overwrite the stored lead with every value the row gives; tags are added. */
    UPDATE,
    /** Fill only the stored lead's empty fields, add tags and mark it active now (a repeat form submission). */
    FILL_EMPTY,
    /**
     * Refuse the row as an error naming the lead that holds its email, as creating one lead does; only the email is
     * a key (two leads may share a phone). The batch API's policy.
     */
    REJECT_SAME_EMAIL
}
