package com.asan.audience.criteria;

import static com.asan.audience.criteria.Operator.*;

import com.asan.audience.criteria.Check.TimeWindow;
import com.asan.audience.criteria.ConditionValues.Problems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Conditions on dates, numbers, booleans and engagement: their value shapes and their checks. */
final class MeasuredConditions {

    private static final Set<Operator> EMPTINESS = OperatorSets.EMPTINESS;
    private static final Set<Operator> NUMBER = OperatorSets.NUMBER;
    private static final Set<Operator> ENGAGEMENT = OperatorSets.ENGAGEMENT;

    private MeasuredConditions() {
    }

    static Condition time(String field, Attribute attribute, Set<Operator> operators, Operator operator, Object value,
                           Problems problems) {
        if (!ConditionValues.allowedOperator(operators, operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return ConditionValues.noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        switch (operator) {
            case IN_LAST_DAYS, NOT_IN_LAST_DAYS -> {
                Integer days = ConditionValues.days(value, ".value", problems);
                return days == null ? null
                        : new Condition(field, operator, days, new Check.TimeIn(attribute, new TimeWindow.LastDays(days)));
            }
            case BEFORE, AFTER -> {
                LocalDate date = ConditionValues.date(value, ".value", problems);
                if (date == null) {
                    return null;
                }
                TimeWindow window = operator == BEFORE ? new TimeWindow.Before(date) : new TimeWindow.After(date);
                return new Condition(field, operator, date.toString(), new Check.TimeIn(attribute, window));
            }
            default -> {
                if (!(value instanceof List<?> pair) || pair.size() != 2) {
                    problems.at(".value", "must be [from, to] as ISO dates");
                    return null;
                }
                LocalDate from = ConditionValues.date(pair.get(0), ".value[0]", problems);
                LocalDate to = ConditionValues.date(pair.get(1), ".value[1]", problems);
                if (from == null || to == null) {
                    return null;
                }
                if (from.isAfter(to)) {
                    problems.at(".value", "from must not be after to");
                    return null;
                }
                return new Condition(field, operator, List.of(from.toString(), to.toString()),
                        new Check.TimeIn(attribute, new TimeWindow.Between(from, to)));
            }
        }
    }

    static Condition number(String field, CustomAttribute attribute, Operator operator, Object value,
                             Problems problems) {
        if (!ConditionValues.allowedOperator(NUMBER, operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return ConditionValues.noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        if (operator == BETWEEN) {
            if (!(value instanceof List<?> pair) || pair.size() != 2) {
                problems.at(".value", "must be [low, high] numbers");
                return null;
            }
            BigDecimal low = ConditionValues.decimal(pair.get(0), ".value[0]", problems);
            BigDecimal high = ConditionValues.decimal(pair.get(1), ".value[1]", problems);
            if (low == null || high == null) {
                return null;
            }
            if (low.compareTo(high) > 0) {
                problems.at(".value", "low must not exceed high");
                return null;
            }
            return new Condition(field, operator, List.of(low, high), new Check.NumberBetween(attribute, low, high));
        }
        BigDecimal operand = ConditionValues.decimal(value, ".value", problems);
        if (operand == null) {
            return null;
        }
        Check.Comparison comparison = switch (operator) {
            case GT -> Check.Comparison.GT;
            case GTE -> Check.Comparison.GTE;
            case LT -> Check.Comparison.LT;
            case LTE -> Check.Comparison.LTE;
            default -> Check.Comparison.EQ;
        };
        return new Condition(field, operator, operand, new Check.NumberCompare(attribute, comparison, operand));
    }

    static Condition bool(String field, CustomAttribute attribute, Operator operator, Object value,
                           Problems problems) {
        if (!ConditionValues.allowedOperator(OperatorSets.union(EnumSet.of(IS), EMPTINESS), operator, field, problems)) {
            return null;
        }
        if (EMPTINESS.contains(operator)) {
            return ConditionValues.noValue(field, operator, value, new Check.IsEmpty(attribute), problems);
        }
        if (!(value instanceof Boolean b)) {
            problems.at(".value", "must be true or false");
            return null;
        }
        return new Condition(field, operator, b, new Check.BooleanIs(attribute, b));
    }

    static Condition engagement(Operator operator, Object value, Problems problems) {
        if (!ConditionValues.allowedOperator(ENGAGEMENT, operator, "engagement", problems)) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.at(".value", "must be {\"campaign\": \"last\" | \"any\" | <campaign id>, \"within_days\": N?}");
            return null;
        }
        for (Object key : map.keySet()) {
            if (!"campaign".equals(key) && !"within_days".equals(key)) {
                problems.at(".value." + key, "unknown field");
            }
        }
        Object campaign = map.get("campaign");
        Check.CampaignRef ref;
        if ("last".equals(campaign)) {
            ref = Check.CampaignRef.last();
        } else if ("any".equals(campaign)) {
            ref = Check.CampaignRef.any();
        } else if ((campaign instanceof Integer || campaign instanceof Long) && ((Number) campaign).longValue() > 0) {
            ref = Check.CampaignRef.of(((Number) campaign).longValue());
        } else {
            problems.at(".value.campaign", "must be \"last\", \"any\" or a campaign id");
            return null;
        }
        Integer within = map.get("within_days") == null ? null : ConditionValues.days(map.get("within_days"), ".value.within_days",
                problems);
        if (problems.found) {
            return null;
        }
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("campaign", campaign instanceof Number n ? n.longValue() : campaign);
        if (within != null) {
            json.put("within_days", within);
        }
        Check.Engagement kind = operator == OPENED || operator == NOT_OPENED ? Check.Engagement.OPENED
                : Check.Engagement.CLICKED;
        return new Condition("engagement", operator, json, new Check.Engaged(kind, ref, within));
    }
}
