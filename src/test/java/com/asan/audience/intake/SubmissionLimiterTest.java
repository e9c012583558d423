package com.asan.audience.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SubmissionLimiterTest {

    @Test
    void limitsEachAddressAndTheWholeFormPerMinute() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        SubmissionLimiter limiter = new SubmissionLimiter(Clock.fixed(start, ZoneOffset.UTC), limits(2, 5));
        assertThat(limiter.allow("f", "1.1.1.1")).isTrue();
        assertThat(limiter.allow("f", "1.1.1.1")).isTrue();
        assertThat(limiter.allow("f", "1.1.1.1")).as("third from one address").isFalse();
        assertThat(limiter.allow("f", "2.2.2.2")).isTrue();
        assertThat(limiter.allow("f", "3.3.3.3")).as("fifth for the form, counting the refused one").isTrue();
        assertThat(limiter.allow("f", "4.4.4.4")).as("sixth for the form").isFalse();
        assertThat(limiter.allow("g", "1.1.1.1")).as("another form has its own budget").isTrue();

        SubmissionLimiter nextMinute = new SubmissionLimiter(Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC),
                limits(2, 5));
        assertThat(nextMinute.allow("f", "1.1.1.1")).isTrue();
    }

    private static FormLimitsProperties limits(int perIp, int perForm) {
        return new FormLimitsProperties(perIp, perForm);
    }
}
