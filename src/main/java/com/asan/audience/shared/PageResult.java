package com.asan.audience.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, as every list endpoint answers it. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
