package com.asan.audience.countindex;

import com.asan.audience.criteria.Check;
import com.asan.audience.criteria.Condition;
import com.asan.audience.criteria.Criterion;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Counts criteria while materialising as little as it can. Every index structure holds live ordinals only, so a
 * leaf's cardinality is its count. An AND intersects its smaller members and counts against the largest with
 * {@code andCardinality}; an IN over a single-valued attribute (status, source, phone type, agent) is a union of
 * disjoint bitmaps, so it is counted as a sum of intersections instead of being built; negated members are
 * subtracted as {@code |A| − |A ∩ B|}; an OR of two is {@code orCardinality}; a lone range is counted from its
 * bucket or value cardinalities ({@link RangeCounter}).
 */
final class CountPlanner {

    private final AccountIndex index;
    private final BitmapEvaluator bitmaps;
    private final RangeCounter ranges;

    CountPlanner(AccountIndex index, EvaluationContext context) {
        this.index = index;
        this.bitmaps = new BitmapEvaluator(index, context);
        this.ranges = new RangeCounter(index, context);
    }

    long count(Group group) {
        if (group.members().isEmpty()) {
            return index.live().getLongCardinality();
        }
        return switch (group.match()) {
            case ALL -> countAll(group.members());
            case ANY -> countAny(group.members());
            case NONE -> index.live().getLongCardinality() - countAny(group.members());
        };
    }

    private long countOne(Criterion member) {
        if (member instanceof Group group) {
            return count(group);
        }
        Condition condition = (Condition) member;
        long matching = positiveCount(condition.check());
        return condition.negated() ? index.live().getLongCardinality() - matching : matching;
    }

    private long positiveCount(Check check) {
        long matching = ranges.count(check);
        if (matching >= 0) {
            return matching;
        }
        List<RoaringBitmap> parts = disjointParts(check);
        if (parts != null) {
            return parts.stream().mapToLong(RoaringBitmap::getLongCardinality).sum();
        }
        if (check instanceof Check.TagsAny any && any.folded().size() == 2) {
            List<String> tags = List.copyOf(any.folded());
            return RoaringBitmap.orCardinality(index.tags.of(tags.get(0)), index.tags.of(tags.get(1)));
        }
        if (check instanceof Check.IsEmpty empty) {
            return index.live().getLongCardinality() - index.presentOf(empty.attribute()).getLongCardinality();
        }
        if (check instanceof Check.TagsAll all && all.folded().size() == 2) {
            List<String> tags = List.copyOf(all.folded());
            return RoaringBitmap.andCardinality(index.tags.of(tags.get(0)), index.tags.of(tags.get(1)));
        }
        return check.accept(bitmaps).getLongCardinality();
    }

    private long countAll(List<Criterion> members) {
        if (members.size() == 1) {
            return countOne(members.get(0));
        }
        if (members.stream().anyMatch(m -> m instanceof Condition c && !c.negated() && ranges.range(c.check()) != null)) {
            return bitmaps.all(members).getLongCardinality();
        }
        List<RoaringBitmap> include = new ArrayList<>();
        List<RoaringBitmap> exclude = new ArrayList<>();
        List<RoaringBitmap> disjoint = null;
        for (Criterion member : members) {
            List<RoaringBitmap> parts;
            if (member instanceof Condition condition && condition.negated()) {
                exclude.add(condition.check().accept(bitmaps));
            } else if (disjoint == null && member instanceof Condition condition
                    && (parts = disjointParts(condition.check())) != null) {
                disjoint = parts;
            } else {
                include.add(bitmaps.positiveOrGroup(member));
            }
        }
        include.sort(Comparator.comparingLong(RoaringBitmap::getLongCardinality));
        if (exclude.isEmpty() && disjoint != null) {
            RoaringBitmap base = intersect(include);
            long count = 0;
            for (RoaringBitmap part : disjoint) {
                count += base == null ? part.getLongCardinality() : RoaringBitmap.andCardinality(base, part);
            }
            return count;
        }
        if (exclude.isEmpty()) {
            RoaringBitmap largest = include.remove(include.size() - 1);
            RoaringBitmap base = intersect(include);
            return base == null ? largest.getLongCardinality() : RoaringBitmap.andCardinality(base, largest);
        }
        if (disjoint != null) {
            include.add(disjoint.size() == 1 ? disjoint.get(0) : FastAggregation.or(disjoint.iterator()));
            include.sort(Comparator.comparingLong(RoaringBitmap::getLongCardinality));
        }
        RoaringBitmap base = intersect(include);
        if (base == null) {
            base = index.live();
        }
        RoaringBitmap excluded = exclude.size() == 1 ? exclude.get(0) : FastAggregation.or(exclude.iterator());
        return base.getLongCardinality() - RoaringBitmap.andCardinality(base, excluded);
    }

    private long countAny(List<Criterion> members) {
        if (members.size() == 1) {
            return countOne(members.get(0));
        }
        boolean positive = members.stream().noneMatch(m -> m instanceof Condition c && c.negated());
        if (positive && members.size() == 2) {
            return RoaringBitmap.orCardinality(bitmaps.positiveOrGroup(members.get(0)),
                    bitmaps.positiveOrGroup(members.get(1)));
        }
        return bitmaps.any(members).getLongCardinality();
    }

    /** The members' intersection, smallest first; null for none, the member itself (read-only) for one. */
    private static RoaringBitmap intersect(List<RoaringBitmap> bitmaps) {
        if (bitmaps.isEmpty()) {
            return null;
        }
        if (bitmaps.size() == 1) {
            return bitmaps.get(0);
        }
        RoaringBitmap result = RoaringBitmap.and(bitmaps.get(0), bitmaps.get(1));
        for (int i = 2; i < bitmaps.size() && !result.isEmpty(); i++) {
            result.and(bitmaps.get(i));
        }
        return result;
    }

    /** The value bitmaps of an IN over a single-valued attribute, which never overlap; null for other checks. */
    private List<RoaringBitmap> disjointParts(Check check) {
        if (check instanceof Check.ChoiceIn in) {
            ValueBitmaps<String> values = switch (in.attribute()) {
                case STATUS -> index.status;
                case SOURCE -> index.source;
                case PHONE_TYPE -> index.phoneType;
                default -> null;
            };
            return values == null ? null : in.values().stream().map(values::of).toList();
        }
        if (check instanceof Check.AssigneeIn in) {
            return in.memberIds().stream().map(index.assignee::of).toList();
        }
        // names and custom text or select fields hold one value per lead
        ValueBitmaps<Object> text = check instanceof Check.TextIn in ? index.textValues(in.attribute()) : null;
        if (text != null) {
            return ((Check.TextIn) check).folded().stream().map(value -> text.of(value)).toList();
        }
        return null;
    }
}
