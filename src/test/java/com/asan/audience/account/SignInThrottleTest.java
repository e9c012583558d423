package com.asan.audience.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The three sign-in limits, with a clock the test moves. */
class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-01T09:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private void fail(String name, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(name, "x");
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("no")));
    }

    @Test
    void oneNameFromOneAddressIsThrottledAfterTenFailuresUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < SignInThrottle.PER_NAME_AND_ADDRESS - 1; i++) {
            fail("ann@x.example", "203.0.113.1");
            now = now.plusSeconds(60);
        }
        assertThat(throttle.retryAfter("ann@x.example", "203.0.113.1")).isZero();
        fail("Ann@X.example", "203.0.113.1");
        Duration wait = throttle.retryAfter("ann@x.example", "203.0.113.1");
        assertThat(wait).isEqualTo(SignInThrottle.WINDOW.minusMinutes(SignInThrottle.PER_NAME_AND_ADDRESS - 1));
        assertThat(throttle.retryAfter("ann@x.example", "203.0.113.2")).as("another address may still try").isZero();
        now = now.plus(wait).plusSeconds(1);
        assertThat(throttle.retryAfter("ann@x.example", "203.0.113.1")).isZero();
    }

    @Test
    void oneNameIsThrottledFromEveryAddressWhenGuessesComeFromMany() {
        for (int i = 0; i < SignInThrottle.PER_NAME; i++) {
            fail("bob@x.example", "198.51.100." + i);
        }
        assertThat(throttle.retryAfter("bob@x.example", "192.0.2.77")).isPositive();
        assertThat(throttle.retryAfter("carol@x.example", "192.0.2.77")).isZero();
    }

    @Test
    void oneAddressIsThrottledForEveryNameWhenItTriesMany() {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            fail("member" + i + "@x.example", "192.0.2.9");
        }
        assertThat(throttle.retryAfter("someone.new@x.example", "192.0.2.9")).isPositive();
        assertThat(throttle.retryAfter("someone.new@x.example", "192.0.2.10")).isZero();
    }
}
