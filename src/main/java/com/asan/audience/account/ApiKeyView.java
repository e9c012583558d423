package com.asan.audience.account;

import java.time.OffsetDateTime;

/**
 * An API key as listed: {@code memberId} is the member it acts as; {@code apiKey} holds the secret only in the answer
 * that created it.
 */
public record ApiKeyView(long id, String name, long memberId, OffsetDateTime createdAt, OffsetDateTime revokedAt,
                         String apiKey) {
}
