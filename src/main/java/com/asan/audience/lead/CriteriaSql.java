package com.asan.audience.lead;

import static com.asan.audience.lead.LeadTables.*;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Compiles criteria into one jOOQ condition over {@code leads l}. Every value is a bind parameter; column names come
 * from the model. Each positive check is null-safe (never SQL NULL), so NOT gives the exact complement.
 */
final class CriteriaSql {

    private CriteriaSql() {
    }

    static org.jooq.Condition compile(Criterion criterion, EvaluationContext context) {
        if (criterion instanceof Group group) {
            if (group.members().isEmpty()) {
                return trueCondition();
            }
            List<org.jooq.Condition> members = group.members().stream().map(m -> compile(m, context)).toList();
            return switch (group.match()) {
                case ALL -> DSL.and(members);
                case ANY -> or(members);
                case NONE -> not(or(members));
            };
        }
        Condition condition = (Condition) criterion;
        org.jooq.Condition positive = condition.check().accept(new Compiler(context));
        return condition.negated() ? not(positive) : positive;
    }

    private record Compiler(EvaluationContext context) implements CheckVisitor<org.jooq.Condition> {

        @Override
        public org.jooq.Condition choiceIn(Check.ChoiceIn check) {
            Field<String> column = switch (check.attribute()) {
                case STATUS -> STATUS;
                case SOURCE -> SOURCE;
                case PHONE_TYPE -> PHONE_TYPE;
                default -> throw new IllegalArgumentException(check.attribute() + " is not a choice");
            };
            return column.isNotNull().and(column.in(check.values()));
        }

        @Override
        public org.jooq.Condition assigneeIn(Check.AssigneeIn check) {
            return ASSIGNED_TO.isNotNull().and(ASSIGNED_TO.in(check.memberIds()));
        }

        @Override
        public org.jooq.Condition textIn(Check.TextIn check) {
            Field<String> column = text(check.attribute());
            return column.isNotNull().and(lower(column).in(check.folded()));
        }

        @Override
        public org.jooq.Condition textContains(Check.TextContains check) {
            Field<String> column = text(check.attribute());
            return column.isNotNull().and(DSL.position(lower(column), val(check.folded())).gt(0));
        }

        @Override
        public org.jooq.Condition textStartsWith(Check.TextStartsWith check) {
            Field<String> column = text(check.attribute());
            return column.isNotNull().and(DSL.condition("starts_with({0}, {1})", lower(column), val(check.folded())));
        }

        @Override
        public org.jooq.Condition tagsAny(Check.TagsAny check) {
            return exists(selectOne().from(LEAD_TAGS)
                    .join(TAGS).on(TAG_ACCOUNT_ID.eq(LT_ACCOUNT_ID), TAG_ID.eq(LT_TAG_ID))
                    .where(LT_ACCOUNT_ID.eq(ACCOUNT_ID), LT_LEAD_ID.eq(ID), lower(TAG_NAME).in(check.folded())));
        }

        @Override
        public org.jooq.Condition tagsAll(Check.TagsAll check) {
            return DSL.and(check.folded().stream().map(tag -> tagsAny(new Check.TagsAny(java.util.Set.of(tag))))
                    .toList());
        }

        @Override
        public org.jooq.Condition isEmpty(Check.IsEmpty check) {
            if (check.attribute() instanceof CustomAttribute custom) {
                return not(DSL.condition("jsonb_exists({0}, {1})", CUSTOM_FIELDS, val(custom.key())));
            }
            return switch ((StandardAttribute) check.attribute()) {
                case PHONE_TYPE -> PHONE.isNull();
                case TAGS -> not(exists(selectOne().from(LEAD_TAGS)
                        .where(LT_ACCOUNT_ID.eq(ACCOUNT_ID), LT_LEAD_ID.eq(ID))));
                case ASSIGNED_TO -> ASSIGNED_TO.isNull();
                case LAST_ACTIVE -> LAST_ACTIVE_AT.isNull();
                case CREATED -> CREATED_AT.isNull();
                case FIRST_NAME -> FIRST_NAME.isNull();
                case LAST_NAME -> LAST_NAME.isNull();
                case EMAIL -> EMAIL.isNull();
                case STATUS -> STATUS.isNull();
                case SOURCE -> SOURCE.isNull();
            };
        }

        @Override
        public org.jooq.Condition numberCompare(Check.NumberCompare check) {
            Field<BigDecimal> value = number(check.attribute());
            BigDecimal operand = check.operand();
            org.jooq.Condition comparison = switch (check.comparison()) {
                case EQ -> value.eq(operand);
                case GT -> value.gt(operand);
                case GTE -> value.ge(operand);
                case LT -> value.lt(operand);
                case LTE -> value.le(operand);
            };
            return value.isNotNull().and(comparison);
        }

        @Override
        public org.jooq.Condition numberBetween(Check.NumberBetween check) {
            Field<BigDecimal> value = number(check.attribute());
            return value.isNotNull().and(value.between(check.low(), check.high()));
        }

        @Override
        public org.jooq.Condition timeIn(Check.TimeIn check) {
            if (check.attribute() instanceof CustomAttribute custom) {
                Field<LocalDate> value = field("({0} ->> {1})::date", SQLDataType.LOCALDATE, CUSTOM_FIELDS,
                        val(custom.key()));
                TimeWindows.DateBounds bounds = TimeWindows.forDate(check.window(), context);
                org.jooq.Condition condition = value.isNotNull();
                if (bounds.from() != null) {
                    condition = condition.and(value.ge(bounds.from()));
                }
                if (bounds.to() != null) {
                    condition = condition.and(value.le(bounds.to()));
                }
                return condition;
            }
            Field<OffsetDateTime> column = check.attribute() == StandardAttribute.CREATED ? CREATED_AT : LAST_ACTIVE_AT;
            TimeWindows.InstantBounds bounds = TimeWindows.forInstant(check.window(), context);
            org.jooq.Condition condition = column.isNotNull();
            if (bounds.fromExclusive() != null) {
                condition = condition.and(column.gt(utc(bounds.fromExclusive())));
            }
            if (bounds.fromInclusive() != null) {
                condition = condition.and(column.ge(utc(bounds.fromInclusive())));
            }
            if (bounds.toExclusive() != null) {
                condition = condition.and(column.lt(utc(bounds.toExclusive())));
            }
            return condition;
        }

        @Override
        public org.jooq.Condition booleanIs(Check.BooleanIs check) {
            String json = "{\"" + check.attribute().key().replace("\"", "") + "\":" + check.value() + "}";
            return DSL.condition("{0} @> {1}", CUSTOM_FIELDS, val(JSONB.valueOf(json)));
        }

        @Override
        public org.jooq.Condition engaged(Check.Engaged check) {
            org.jooq.Condition events = EV_ACCOUNT_ID.eq(ACCOUNT_ID).and(EV_LEAD_ID.eq(ID))
                    .and(EV_TYPE.eq(check.kind().name().toLowerCase(Locale.ROOT)));
            switch (check.campaign().kind()) {
                case LAST -> {
                    if (context.lastCampaignId() == null) {
                        return falseCondition();
                    }
                    events = events.and(EV_CAMPAIGN_ID.eq(context.lastCampaignId()));
                }
                case SPECIFIC -> events = events.and(EV_CAMPAIGN_ID.eq(check.campaign().campaignId()));
                case ANY -> events = events.and(noCondition());
            }
            if (check.withinDays() != null) {
                events = events.and(EV_OCCURRED_AT.gt(utc(context.now().minus(Duration.ofDays(check.withinDays())))));
            }
            return exists(selectOne().from(EMAIL_EVENTS).where(events));
        }

        private static Field<String> text(Attribute attribute) {
            if (attribute instanceof CustomAttribute custom) {
                return field("({0} ->> {1})", SQLDataType.VARCHAR, CUSTOM_FIELDS, val(custom.key()));
            }
            return switch ((StandardAttribute) attribute) {
                case FIRST_NAME -> FIRST_NAME;
                case LAST_NAME -> LAST_NAME;
                case EMAIL -> EMAIL;
                default -> throw new IllegalArgumentException(attribute + " is not text");
            };
        }

        private static Field<BigDecimal> number(CustomAttribute attribute) {
            return field("({0} ->> {1})::numeric", SQLDataType.NUMERIC, CUSTOM_FIELDS, val(attribute.key()));
        }

        private static OffsetDateTime utc(java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
    }
}
