package com.asan.audience.countindex;

import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;

/** Lets the benchmark time the bitmap evaluation alone and read an index's size. */
public final class EngineProbe {

    private EngineProbe() {
    }

    public static Long countAsLoaded(CountIndex index, long accountId, Group criteria, EvaluationContext context) {
        return index.countAsLoaded(accountId, criteria, context);
    }

    public static long bytesOf(CountIndex index, long accountId) {
        return index.bytesOf(accountId);
    }
}
