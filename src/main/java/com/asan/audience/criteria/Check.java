package com.asan.audience.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** The positive, atomic meaning of a condition. Every evaluator implements each of these through the visitor. */
public sealed interface Check {

    <R> R accept(CheckVisitor<R> visitor);

    /** status, source or phone type equals one of the canonical values. */
    record ChoiceIn(StandardAttribute attribute, Set<String> values) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.choiceIn(this);
        }
    }

    /** The lead is assigned to one of these team members. */
    record AssigneeIn(Set<Long> memberIds) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.assigneeIn(this);
        }
    }

    /** A text (or select) value equals one of these, compared folded (see {@link TextNormalizer}). */
    record TextIn(Attribute attribute, Set<String> folded) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.textIn(this);
        }
    }

    record TextContains(Attribute attribute, String folded) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.textContains(this);
        }
    }

    record TextStartsWith(Attribute attribute, String folded) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.textStartsWith(this);
        }
    }

    /** The lead carries at least one of these tags (folded names). */
    record TagsAny(Set<String> folded) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.tagsAny(this);
        }
    }

    /** The lead carries every one of these tags (folded names). */
    record TagsAll(Set<String> folded) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.tagsAll(this);
        }
    }

    /** The attribute has no value: no phone (for phone type), no tags, unassigned, never active, no custom value. */
    record IsEmpty(Attribute attribute) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.isEmpty(this);
        }
    }

    enum Comparison { EQ, GT, GTE, LT, LTE }

    record NumberCompare(CustomAttribute attribute, Comparison comparison, BigDecimal operand) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.numberCompare(this);
        }
    }

    /** low ≤ value ≤ high. */
    record NumberBetween(CustomAttribute attribute, BigDecimal low, BigDecimal high) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.numberBetween(this);
        }
    }

    /** A timestamp (created, last active) or custom date lies in a window read in the account's time zone. */
    record TimeIn(Attribute attribute, TimeWindow window) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.timeIn(this);
        }
    }

    record BooleanIs(CustomAttribute attribute, boolean value) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.booleanIs(this);
        }
    }

    enum Engagement { OPENED, CLICKED }

    /** The lead has an opened/clicked event for the campaign, within the last N days if given. */
    record Engaged(Engagement kind, CampaignRef campaign, Integer withinDays) implements Check {
        public <R> R accept(CheckVisitor<R> visitor) {
            return visitor.engaged(this);
        }
    }

    /** Which campaign an engagement condition means. */
    record CampaignRef(Kind kind, Long campaignId) {

        public enum Kind { LAST, ANY, SPECIFIC }

        public static CampaignRef last() {
            return new CampaignRef(Kind.LAST, null);
        }

        public static CampaignRef any() {
            return new CampaignRef(Kind.ANY, null);
        }

        public static CampaignRef of(long id) {
            return new CampaignRef(Kind.SPECIFIC, id);
        }
    }

    /** A date window as written by the user; {@link TimeWindows} turns it into bounds at evaluation time. */
    sealed interface TimeWindow {
        record LastDays(int days) implements TimeWindow {
        }

        record Before(LocalDate date) implements TimeWindow {
        }

        record After(LocalDate date) implements TimeWindow {
        }

        record Between(LocalDate from, LocalDate to) implements TimeWindow {
        }
    }
}
