package com.asan.audience.campaign;

/** Spaces message sends so a node stays under a configured rate (messages per second), across sender threads. */
final class SendRate {

    private final long nanosPerMessage;
    private long next = System.nanoTime();

    SendRate(double perSecond) {
        this.nanosPerMessage = (long) (1_000_000_000L / perSecond);
    }

    /** Reserves {@code count} send slots and waits until the first is due. */
    void acquire(int count) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            next = Math.max(next, now - 1_000_000_000L / 10);
            wait = next - now;
            next += nanosPerMessage * count;
        }
        if (wait > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
