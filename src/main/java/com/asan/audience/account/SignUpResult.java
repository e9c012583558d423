package com.asan.audience.account;

/** The answer to a sign-up; the API key appears here once and is never shown again. */
public record SignUpResult(long accountId, long userId, String apiKey) {
}
