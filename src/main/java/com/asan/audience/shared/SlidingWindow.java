package com.asan.audience.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key over a sliding window in memory (each instance counts its own share): a key that reached
 * {@code max} events within {@code window} is over its limit until its oldest event leaves the window.
 */
public final class SlidingWindow {

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public SlidingWindow(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** How long until the key may act again; zero when it is under its limit. */
    public Duration retryAfter(String key) {
        Deque<Instant> recent = events.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            return waitFor(recent);
        }
    }

    public void record(String key) {
        Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    /** Records the event unless the key is over its limit; returns the wait in that case, zero otherwise. */
    public Duration tryRecord(String key) {
        Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            Duration wait = waitFor(recent);
            if (wait.isZero()) {
                recent.addLast(clock.instant());
            }
            return wait;
        }
    }

    public void forget(String key) {
        events.remove(key);
    }

    /** Drops keys whose events all left the window (call now and then). */
    public void prune() {
        events.values().removeIf(recent -> {
            synchronized (recent) {
                prune(recent);
                return recent.isEmpty();
            }
        });
    }

    /** Zero under the limit; otherwise until the oldest event leaves the window (at least a second). Holds the lock. */
    private Duration waitFor(Deque<Instant> recent) {
        prune(recent);
        if (recent.size() < max) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), recent.peekFirst().plus(window));
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }
}
