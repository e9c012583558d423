package com.asan.audience.account;

import com.asan.audience.shared.SlidingWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins within {@link #WINDOW}: {@value #PER_NAME_AND_ADDRESS} per sign-in name and client address,
 * {@value #PER_NAME} per sign-in name from any address (a spread-out guessing of one member's password), and
 * {@value #PER_ADDRESS} per address over any names (one client trying many members). A throttled sign-in is refused
 * before its password is checked. Kept in memory: each instance limits on its own.
 */
@Component
class SignInThrottle {

    static final int PER_NAME_AND_ADDRESS = 10;
    static final int PER_NAME = 30;
    static final int PER_ADDRESS = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final SlidingWindow byNameAndAddress;
    private final SlidingWindow byName;
    private final SlidingWindow byAddress;

    SignInThrottle(Clock clock) {
        byNameAndAddress = new SlidingWindow(PER_NAME_AND_ADDRESS, WINDOW, clock);
        byName = new SlidingWindow(PER_NAME, WINDOW, clock);
        byAddress = new SlidingWindow(PER_ADDRESS, WINDOW, clock);
    }

    /** How long the name and address must wait before trying again; zero when they may try now. */
    Duration retryAfter(String username, String address) {
        String name = name(username);
        return Stream.of(byNameAndAddress.retryAfter(name + "|" + address), byName.retryAfter(name),
                byAddress.retryAfter(address)).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = name(event.getAuthentication().getName());
        String address = address(event.getAuthentication());
        byNameAndAddress.record(name + "|" + address);
        byName.record(name);
        byAddress.record(address);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        byNameAndAddress.forget(name(event.getAuthentication().getName()) + "|" + address(event.getAuthentication()));
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetOldFailures() {
        byNameAndAddress.prune();
        byName.prune();
        byAddress.prune();
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "?";
    }

    private static String name(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
