package com.asan.audience.intake;

/** An import finished: {@code status} is completed or failed. */
public record ImportCompleted(long accountId, long importId, String status, long created, long updated) {
}
