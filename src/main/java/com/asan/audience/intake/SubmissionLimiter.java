package com.asan.audience.intake;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed one-minute windows of form submissions per client IP and per form. In memory, so each instance counts
 * its own share; behind a load balancer the effective limit is the per-instance limit times the instances.
 */
@Component
class SubmissionLimiter {

    private final Clock clock;
    private final int perIp;
    private final int perForm;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    SubmissionLimiter(Clock clock, FormLimitsProperties limits) {
        this.clock = clock;
        this.perIp = limits.perIpPerMinute();
        this.perForm = limits.perFormPerMinute();
    }

    private static final class Window {
        long minute;
        int count;
    }

    /** Counts the submission; false when the IP or the form is over its limit for this minute. */
    boolean allow(String formKey, String ip) {
        boolean ipAllowed = take("ip:" + formKey + ":" + ip, perIp);
        boolean formAllowed = take("form:" + formKey, perForm);
        return ipAllowed && formAllowed;
    }

    private boolean take(String key, int limit) {
        long minute = clock.millis() / 60_000;
        Window window = windows.computeIfAbsent(key, k -> new Window());
        synchronized (window) {
            if (window.minute != minute) {
                window.minute = minute;
                window.count = 0;
            }
            return ++window.count <= limit;
        }
    }

    @Scheduled(fixedDelay = 300_000)
    void forgetOldWindows() {
        long minute = clock.millis() / 60_000;
        windows.entrySet().removeIf(entry -> entry.getValue().minute < minute - 1);
    }
}
