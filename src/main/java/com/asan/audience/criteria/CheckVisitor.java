package com.asan.audience.criteria;

/** One method per {@link Check}: adding a check breaks every evaluator until it handles it. */
public interface CheckVisitor<R> {

    R choiceIn(Check.ChoiceIn check);

    R assigneeIn(Check.AssigneeIn check);

    R textIn(Check.TextIn check);

    R textContains(Check.TextContains check);

    R textStartsWith(Check.TextStartsWith check);

    R tagsAny(Check.TagsAny check);

    R tagsAll(Check.TagsAll check);

    R isEmpty(Check.IsEmpty check);

    R numberCompare(Check.NumberCompare check);

    R numberBetween(Check.NumberBetween check);

    R timeIn(Check.TimeIn check);

    R booleanIs(Check.BooleanIs check);

    R engaged(Check.Engaged check);
}
