package com.asan.audience.lead;

/** A bulk write (CSV import batch or form submission) committed these numbers of new and changed leads. */
public record LeadsImported(long accountId, int created, int updated) {
}
