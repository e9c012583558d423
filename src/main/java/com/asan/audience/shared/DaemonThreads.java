package com.asan.audience.shared;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Background thread pools whose threads are named for thread dumps and never keep the JVM alive at exit. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A pool of {@code size} threads named {@code name} (numbered "name-1", "name-2", ... when {@code numbered}). */
    public static ExecutorService pool(int size, String name, boolean numbered) {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, numbered ? name + "-" + counter.incrementAndGet() : name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
