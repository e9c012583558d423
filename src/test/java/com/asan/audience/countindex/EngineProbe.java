package com.asan.audience.countindex;

import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;

/** Lets the benchmark time the bitmap evaluation alone, read an index's size, and time its loads. */
public final class EngineProbe {

    private EngineProbe() {
    }

    public static Long countAsLoaded(CountIndex index, long accountId, Group criteria, EvaluationContext context) {
        return index.countAsLoaded(accountId, criteria, context);
    }

    public static long bytesOf(CountIndex index, long accountId) {
        return index.bytesOf(accountId);
    }

    /** Drops the e-mail column's kept check results, so the next e-mail check scans. */
    public static void forgetEmailResults(CountIndex index, long accountId) {
        index.asLoaded(accountId, accountIndex -> {
            accountIndex.email.forgetResults();
            return null;
        });
    }

    /** Bytes per structure of the account's index. */
    public static java.util.Map<String, Long> breakdown(CountIndex index, long accountId) {
        return index.asLoaded(accountId, AccountIndex::sizeBreakdown);
    }

    /** Stores the account's loaded index as its snapshot; the version stored, or -1 when one was there already. */
    public static long storeSnapshot(CountIndex index, long accountId) {
        return index.indexes().snapshot(accountId).join();
    }

    /** Drops the account's index from memory; the next use loads it again. */
    public static void unload(CountIndex index, long accountId) {
        index.indexes().unload(accountId);
    }
}
