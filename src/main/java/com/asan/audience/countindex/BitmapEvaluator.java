package com.asan.audience.countindex;

import com.asan.audience.criteria.Attribute;
import com.asan.audience.criteria.Check;
import com.asan.audience.criteria.CheckVisitor;
import com.asan.audience.criteria.Condition;
import com.asan.audience.criteria.Criterion;
import com.asan.audience.criteria.CustomAttribute;
import com.asan.audience.criteria.EvaluationContext;
import com.asan.audience.criteria.Group;
import com.asan.audience.criteria.StandardAttribute;
import com.asan.audience.criteria.TimeWindows;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Evaluates criteria on an {@link AccountIndex}. Checks become bitmaps; AND groups intersect from the smallest
 * member up and subtract negated members; counts go through {@link CountPlanner}, which avoids materialising.
 * Bitmaps owned by the index are never modified: every result that could alias one is a fresh bitmap.
 */
final class BitmapEvaluator implements CheckVisitor<RoaringBitmap> {

    /** A criterion the index does not cover (a text field with too many distinct values, a one-campaign window). */
    static final class NotIndexed extends RuntimeException {
        NotIndexed(String what) {
            super(what, null, false, false);
        }
    }

    static final int MAX_TEXT_VALUES = 50_000;

    private final AccountIndex index;
    private final EvaluationContext context;

    BitmapEvaluator(AccountIndex index, EvaluationContext context) {
        this.index = index;
        this.context = context;
    }

    long count(Group root) {
        return new CountPlanner(index, context).count(root);
    }

    /** A non-negated condition's own bitmap (already live-only), or a group's result. */
    RoaringBitmap positiveOrGroup(Criterion member) {
        return member instanceof Condition condition ? condition.check().accept(this) : evaluate(member);
    }

    RoaringBitmap evaluate(Criterion criterion) {
        if (criterion instanceof Condition condition) {
            RoaringBitmap positive = condition.check().accept(this);
            return condition.negated() ? RoaringBitmap.andNot(index.live(), positive)
                    : RoaringBitmap.and(positive, index.live());
        }
        Group group = (Group) criterion;
        if (group.members().isEmpty()) {
            return index.live().clone();
        }
        return switch (group.match()) {
            case ALL -> all(group.members());
            case ANY -> any(group.members());
            case NONE -> RoaringBitmap.andNot(index.live(), any(group.members()));
        };
    }

    /**
     * Intersects the members, smallest first; range members are applied last, to the candidates left, so the
     * range's own bitmap is rarely built; negated members are subtracted.
     */
    RoaringBitmap all(List<Criterion> members) {
        List<RoaringBitmap> include = new ArrayList<>();
        List<RoaringBitmap> exclude = new ArrayList<>();
        List<RangeCounter.Range> ranges = new ArrayList<>();
        RangeCounter rangeCounter = new RangeCounter(index, context);
        for (Criterion member : members) {
            RangeCounter.Range range;
            if (member instanceof Condition condition && condition.negated()) {
                exclude.add(condition.check().accept(this));
            } else if (member instanceof Condition condition
                    && (range = rangeCounter.range(condition.check())) != null) {
                ranges.add(range);
            } else if (member instanceof Condition condition) {
                include.add(condition.check().accept(this));
            } else {
                include.add(evaluate(member));
            }
        }
        include.sort(Comparator.comparingLong(RoaringBitmap::getLongCardinality));
        RoaringBitmap result;
        if (include.isEmpty()) {
            result = ranges.isEmpty() ? index.live().clone() : ranges.remove(0).restrict(index.live());
        } else if (include.size() == 1) {
            result = ranges.isEmpty() ? include.get(0).clone() : ranges.remove(0).restrict(include.get(0));
        } else {
            result = RoaringBitmap.and(include.get(0), include.get(1));
            for (int i = 2; i < include.size() && !result.isEmpty(); i++) {
                result.and(include.get(i));
            }
        }
        for (RangeCounter.Range range : ranges) {
            if (result.isEmpty()) {
                break;
            }
            result = range.restrict(result);
        }
        for (RoaringBitmap excluded : exclude) {
            if (result.isEmpty()) {
                break;
            }
            result.andNot(excluded);
        }
        return result;
    }

    RoaringBitmap any(List<Criterion> members) {
        List<RoaringBitmap> parts = new ArrayList<>(members.size());
        for (Criterion member : members) {
            parts.add(member instanceof Condition condition && !condition.negated()
                    ? condition.check().accept(this) : evaluate(member));
        }
        return RoaringBitmap.and(FastAggregation.or(parts.iterator()), index.live());
    }

    @Override
    public RoaringBitmap choiceIn(Check.ChoiceIn check) {
        ValueBitmaps<String> values = switch (check.attribute()) {
            case STATUS -> index.status;
            case SOURCE -> index.source;
            case PHONE_TYPE -> index.phoneType;
            default -> throw new NotIndexed(check.attribute().name());
        };
        return values.anyOf(check.values());
    }

    @Override
    public RoaringBitmap assigneeIn(Check.AssigneeIn check) {
        return index.assignee.anyOf(check.memberIds());
    }

    @Override
    public RoaringBitmap textIn(Check.TextIn check) {
        if (check.attribute() == StandardAttribute.EMAIL) {
            return index.email.equalToAny(check.folded());
        }
        return text(check.attribute()).anyOf(new ArrayList<Object>(check.folded()));
    }

    @Override
    public RoaringBitmap textContains(Check.TextContains check) {
        if (check.attribute() == StandardAttribute.EMAIL) {
            return index.email.containing(check.folded());
        }
        return text(check.attribute()).matching(value -> ((String) value).contains(check.folded()));
    }

    @Override
    public RoaringBitmap textStartsWith(Check.TextStartsWith check) {
        if (check.attribute() == StandardAttribute.EMAIL) {
            return index.email.startingWith(check.folded());
        }
        return text(check.attribute()).matching(value -> ((String) value).startsWith(check.folded()));
    }

    @Override
    public RoaringBitmap tagsAny(Check.TagsAny check) {
        return index.tags.anyOf(check.folded());
    }

    @Override
    public RoaringBitmap tagsAll(Check.TagsAll check) {
        List<String> tags = List.copyOf(check.folded());
        if (tags.isEmpty()) {
            return index.live().clone();
        }
        if (tags.size() == 1) {
            return index.tags.of(tags.get(0));
        }
        RoaringBitmap result = RoaringBitmap.and(index.tags.of(tags.get(0)), index.tags.of(tags.get(1)));
        for (int i = 2; i < tags.size() && !result.isEmpty(); i++) {
            result.and(index.tags.of(tags.get(i)));
        }
        return result;
    }

    @Override
    public RoaringBitmap isEmpty(Check.IsEmpty check) {
        return RoaringBitmap.andNot(index.live(), present(check.attribute()));
    }

    @Override
    public RoaringBitmap numberCompare(Check.NumberCompare check) {
        ValueBitmaps<BigDecimal> values = custom(check.attribute());
        BigDecimal v = check.operand();
        return switch (check.comparison()) {
            case EQ -> values.of(v);
            case GT -> values.range(v, false, null, false);
            case GTE -> values.range(v, true, null, false);
            case LT -> values.range(null, false, v, false);
            case LTE -> values.range(null, false, v, true);
        };
    }

    @Override
    public RoaringBitmap numberBetween(Check.NumberBetween check) {
        return this.<BigDecimal>custom(check.attribute()).range(check.low(), true, check.high(), true);
    }

    @Override
    public RoaringBitmap timeIn(Check.TimeIn check) {
        if (check.attribute() instanceof CustomAttribute attribute) {
            TimeWindows.DateBounds bounds = TimeWindows.forDate(check.window(), context);
            return this.<java.time.LocalDate>custom(attribute).range(bounds.from(), true, bounds.to(), true);
        }
        TimeColumn column = check.attribute() == StandardAttribute.CREATED ? index.created : index.lastActive;
        long[] bounds = RangeCounter.keys(TimeWindows.forInstant(check.window(), context));
        return column.range(bounds[0], bounds[1]);
    }

    @Override
    public RoaringBitmap booleanIs(Check.BooleanIs check) {
        return this.<Boolean>custom(check.attribute()).of(check.value());
    }

    @Override
    public RoaringBitmap engaged(Check.Engaged check) {
        String type = check.kind().name().toLowerCase(Locale.ROOT);
        if (check.campaign().kind() == Check.CampaignRef.Kind.ANY) {
            TimeColumn latest = index.latestEngagement.get(type);
            if (latest == null) {
                return new RoaringBitmap();
            }
            if (check.withinDays() == null) {
                return latest.present();
            }
            Instant since = context.now().minus(Duration.ofDays(check.withinDays()));
            return latest.range(RangeCounter.afterKey(since), TimeColumn.NONE);
        }
        if (check.withinDays() != null) {
            throw new NotIndexed("engagement with one campaign within N days");
        }
        Long campaign = check.campaign().kind() == Check.CampaignRef.Kind.LAST ? context.lastCampaignId()
                : check.campaign().campaignId();
        RoaringBitmap engaged = campaign == null ? null
                : index.campaignEngagement.get(new AccountIndex.EngagementKey(campaign, type));
        return engaged == null ? new RoaringBitmap() : engaged;
    }

    private RoaringBitmap present(Attribute attribute) {
        return index.presentOf(attribute);
    }

    private ValueBitmaps<Object> text(Attribute attribute) {
        ValueBitmaps<Object> values = index.textValues(attribute);
        if (values == null) {
            throw new NotIndexed(attribute.toString());
        }
        if (values.distinctValues() > MAX_TEXT_VALUES) {
            throw new NotIndexed(attribute + " has too many distinct values");
        }
        return values;
    }

    private <T> ValueBitmaps<T> custom(CustomAttribute attribute) {
        return index.customValues(attribute);
    }
}
