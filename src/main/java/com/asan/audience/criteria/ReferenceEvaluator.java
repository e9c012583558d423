package com.asan.audience.criteria;

import com.asan.audience.criteria.TimeWindows.DateBounds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The specification in code: decides for one in-memory lead whether it matches. The SQL and bitmap evaluators are
 * tested against this class, so it favours obviousness over speed.
 */
public final class ReferenceEvaluator {

    private ReferenceEvaluator() {
    }

    public static boolean matches(Criterion criterion, LeadFacts lead, EvaluationContext context) {
        if (criterion instanceof Group group) {
            if (group.members().isEmpty()) {
                return true;
            }
            return switch (group.match()) {
                case ALL -> group.members().stream().allMatch(member -> matches(member, lead, context));
                case ANY -> group.members().stream().anyMatch(member -> matches(member, lead, context));
                case NONE -> group.members().stream().noneMatch(member -> matches(member, lead, context));
            };
        }
        Condition condition = (Condition) criterion;
        boolean positive = condition.check().accept(new Checker(lead, context));
        return condition.negated() != positive;
    }

    private record Checker(LeadFacts lead, EvaluationContext context) implements CheckVisitor<Boolean> {

        @Override
        public Boolean choiceIn(Check.ChoiceIn check) {
            String value = switch (check.attribute()) {
                case STATUS -> lead.status();
                case SOURCE -> lead.source();
                case PHONE_TYPE -> lead.phoneType();
                default -> throw new IllegalArgumentException(check.attribute() + " is not a choice");
            };
            return value != null && check.values().contains(value);
        }

        @Override
        public Boolean assigneeIn(Check.AssigneeIn check) {
            return lead.assignedTo() != null && check.memberIds().contains(lead.assignedTo());
        }

        @Override
        public Boolean textIn(Check.TextIn check) {
            String value = text(check.attribute());
            return value != null && check.folded().contains(TextNormalizer.fold(value));
        }

        @Override
        public Boolean textContains(Check.TextContains check) {
            String value = text(check.attribute());
            return value != null && TextNormalizer.fold(value).contains(check.folded());
        }

        @Override
        public Boolean textStartsWith(Check.TextStartsWith check) {
            String value = text(check.attribute());
            return value != null && TextNormalizer.fold(value).startsWith(check.folded());
        }

        @Override
        public Boolean tagsAny(Check.TagsAny check) {
            return lead.tags().stream().map(TextNormalizer::fold).anyMatch(check.folded()::contains);
        }

        @Override
        public Boolean tagsAll(Check.TagsAll check) {
            return lead.tags().stream().map(TextNormalizer::fold).toList().containsAll(check.folded());
        }

        @Override
        public Boolean isEmpty(Check.IsEmpty check) {
            if (check.attribute() instanceof CustomAttribute custom) {
                return lead.custom().get(custom.key()) == null;
            }
            return switch ((StandardAttribute) check.attribute()) {
                case PHONE_TYPE -> lead.phone() == null;
                case TAGS -> lead.tags().isEmpty();
                case ASSIGNED_TO -> lead.assignedTo() == null;
                case LAST_ACTIVE -> lead.lastActiveAt() == null;
                case CREATED -> lead.createdAt() == null;
                case FIRST_NAME -> lead.firstName() == null;
                case LAST_NAME -> lead.lastName() == null;
                case EMAIL -> lead.email() == null;
                case STATUS -> lead.status() == null;
                case SOURCE -> lead.source() == null;
            };
        }

        @Override
        public Boolean numberCompare(Check.NumberCompare check) {
            BigDecimal value = (BigDecimal) lead.custom().get(check.attribute().key());
            if (value == null) {
                return false;
            }
            int order = value.compareTo(check.operand());
            return switch (check.comparison()) {
                case EQ -> order == 0;
                case GT -> order > 0;
                case GTE -> order >= 0;
                case LT -> order < 0;
                case LTE -> order <= 0;
            };
        }

        @Override
        public Boolean numberBetween(Check.NumberBetween check) {
            BigDecimal value = (BigDecimal) lead.custom().get(check.attribute().key());
            return value != null && value.compareTo(check.low()) >= 0 && value.compareTo(check.high()) <= 0;
        }

        @Override
        public Boolean timeIn(Check.TimeIn check) {
            if (check.attribute() instanceof CustomAttribute custom) {
                LocalDate date = (LocalDate) lead.custom().get(custom.key());
                DateBounds bounds = TimeWindows.forDate(check.window(), context);
                return date != null && bounds.contains(date);
            }
            Instant value = check.attribute() == StandardAttribute.CREATED ? lead.createdAt() : lead.lastActiveAt();
            return value != null && TimeWindows.forInstant(check.window(), context).contains(value);
        }

        @Override
        public Boolean booleanIs(Check.BooleanIs check) {
            return Boolean.valueOf(check.value()).equals(lead.custom().get(check.attribute().key()));
        }

        @Override
        public Boolean engaged(Check.Engaged check) {
            Long campaign = switch (check.campaign().kind()) {
                case LAST -> context.lastCampaignId();
                case SPECIFIC -> check.campaign().campaignId();
                case ANY -> null;
            };
            if (check.campaign().kind() == Check.CampaignRef.Kind.LAST && campaign == null) {
                return false;
            }
            String type = check.kind().name().toLowerCase(Locale.ROOT);
            Instant since = check.withinDays() == null ? null
                    : context.now().minus(Duration.ofDays(check.withinDays()));
            return lead.events().stream().anyMatch(event -> event.type().equals(type)
                    && (campaign == null || event.campaignId() == campaign)
                    && (since == null || event.occurredAt().isAfter(since)));
        }

        private String text(Attribute attribute) {
            if (attribute instanceof CustomAttribute custom) {
                Object value = lead.custom().get(custom.key());
                return value == null ? null : value.toString();
            }
            return switch ((StandardAttribute) attribute) {
                case FIRST_NAME -> lead.firstName();
                case LAST_NAME -> lead.lastName();
                case EMAIL -> lead.email();
                default -> throw new IllegalArgumentException(attribute + " is not text");
            };
        }
    }
}
