package com.asan.audience.countindex;

import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import com.asan.audience.lead.LeadQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;

/**
 * Exact segment counts from in-memory bitmap indexes, one per account, loaded lazily and kept current by replaying
 * the lead change feed before every answer (so a count after a committed write includes it, on any instance).
 * While an account's index is building, or for criteria it does not cover, answers come from PostgreSQL.
 */
@Service
public class CountIndex {

    private final AccountIndexes indexes;
    private final LeadQueries sql;

    CountIndex(AccountIndexes indexes, LeadQueries sql) {
        this.indexes = indexes;
        this.sql = sql;
    }

    /** The number of leads matching the criteria now. */
    public long count(long accountId, Group criteria, EvaluationContext context) {
        Long answer = indexes.withIndex(accountId, index -> new BitmapEvaluator(index, context).count(criteria));
        return answer != null ? answer : sql.count(accountId, criteria, context);
    }

    private static final int PARALLEL_FROM = 16;

    /** Counts for many criteria after a single catch-up, as the Audience page needs them; in parallel when many. */
    public List<Long> countEach(long accountId, List<Group> criteria, EvaluationContext context) {
        // The caller holds the index's read lock for the whole stream, so helper threads may read it too.
        List<Long> counts = indexes.withIndex(accountId, index -> (criteria.size() >= PARALLEL_FROM
                ? criteria.parallelStream() : criteria.stream()).map(group -> {
                    try {
                        return (Long) new BitmapEvaluator(index, context).count(group);
                    } catch (BitmapEvaluator.NotIndexed e) {
                        return null;
                    }
                }).collect(java.util.stream.Collectors.toList()));
        List<Long> result = new ArrayList<>(criteria.size());
        for (int i = 0; i < criteria.size(); i++) {
            Long answer = counts == null ? null : counts.get(i);
            if (answer == null && counts != null) {
                indexes.recordFallback();
            }
            result.add(answer != null ? answer : sql.count(accountId, criteria.get(i), context));
        }
        return result;
    }

    /** A page of matching lead ids, newest first, with the total; null when only PostgreSQL can answer. */
    public IdPage newestPage(long accountId, Group criteria, EvaluationContext context, int offset, int limit) {
        return indexes.withIndex(accountId, index -> page(index, criteria, context, offset, limit));
    }

    /**
     * The same page from the loaded index as it is, without reading the change feed first: the caller reads the
     * feed's version in the statement that needs the database anyway and uses the page only when that version is
     * {@link IdPage#version()}. Null when the index is not loaded or cannot answer.
     */
    public IdPage newestPageAsLoaded(long accountId, Group criteria, EvaluationContext context, int offset,
                                     int limit) {
        return indexes.asLoaded(accountId, index -> page(index, criteria, context, offset, limit));
    }

    private static IdPage page(AccountIndex index, Group criteria, EvaluationContext context, int offset, int limit) {
        RoaringBitmap matching = new BitmapEvaluator(index, context).evaluate(criteria);
        List<Long> ids = new ArrayList<>(limit);
        IntIterator it = matching.getReverseIntIterator();
        for (int skipped = 0; skipped < offset && it.hasNext(); skipped++) {
            it.next();
        }
        while (it.hasNext() && ids.size() < limit) {
            ids.add(index.ordinals.idOf(it.next()));
        }
        ids.sort(java.util.Comparator.reverseOrder());
        return new IdPage(ids, matching.getLongCardinality(), index.version);
    }

    /** Lead ids, the number of matching leads, and the change-feed version of the index that answered. */
    public record IdPage(List<Long> ids, long total, long version) {
    }

    /** Up to {@code limit} matching lead ids, newest first. */
    public List<Long> newestIds(long accountId, Group criteria, EvaluationContext context, int limit) {
        IdPage page = newestPage(accountId, criteria, context, 0, limit);
        List<Long> ids = page == null ? null : page.ids();
        if (ids != null) {
            return ids;
        }
        List<Long> all = new ArrayList<>(sql.matchingIds(accountId, criteria, context));
        java.util.Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** Count per value of an attribute among the matching leads, by bitmap intersections (null: ask PostgreSQL). */
    public Map<String, Long> breakdown(long accountId, Group criteria, EvaluationContext context, Breakdown by) {
        return indexes.withIndex(accountId, index -> {
            RoaringBitmap matching = new BitmapEvaluator(index, context).evaluate(criteria);
            Map<String, Long> counts = new LinkedHashMap<>();
            ValueBitmaps<?> values = switch (by) {
                case STATUS -> index.status;
                case SOURCE -> index.source;
                case PHONE_TYPE -> index.phoneType;
                case AGENT -> index.assignee;
                case TAG -> index.tags;
            };
            values.entries().forEach((value, bitmap) -> {
                long count = RoaringBitmap.andCardinality(matching, bitmap);
                if (count > 0) {
                    counts.put(String.valueOf(value), count);
                }
            });
            if (by != Breakdown.TAG) {
                long without = RoaringBitmap.andNotCardinality(matching, values.present());
                if (without > 0) {
                    counts.put("", without);
                }
            }
            return counts;
        });
    }

    public enum Breakdown { STATUS, SOURCE, TAG, AGENT, PHONE_TYPE }

    /** Starts loading the account's index if it is not loaded; completes when it is ready. */
    public CompletableFuture<Void> warm(long accountId) {
        return indexes.warm(accountId);
    }

    /** Accounts whose index is loaded. */
    public List<Long> loaded() {
        return indexes.loaded();
    }

    Long countAsLoaded(long accountId, Group criteria, EvaluationContext context) {
        return indexes.asLoaded(accountId, index -> new BitmapEvaluator(index, context).count(criteria));
    }

    <T> T asLoaded(long accountId, java.util.function.Function<AccountIndex, T> probe) {
        return indexes.asLoaded(accountId, probe);
    }

    long bytesOf(long accountId) {
        return indexes.bytesOf(accountId);
    }

    AccountIndexes indexes() {
        return indexes;
    }
}
