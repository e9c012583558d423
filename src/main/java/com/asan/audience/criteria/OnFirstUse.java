package com.asan.audience.criteria;

import java.util.Objects;
import java.util.function.Supplier;

/** A value computed the first time it is asked for and kept after; safe to share between threads. */
final class OnFirstUse<T> implements Supplier<T> {

    private Supplier<? extends T> source;
    private T value;

    OnFirstUse(Supplier<? extends T> source) {
        this.source = Objects.requireNonNull(source);
    }

    static <T> OnFirstUse<T> known(T value) {
        OnFirstUse<T> known = new OnFirstUse<>(() -> value);
        known.get();
        return known;
    }

    @Override
    public synchronized T get() {
        if (source != null) {
            value = source.get();
            source = null;
        }
        return value;
    }
}
