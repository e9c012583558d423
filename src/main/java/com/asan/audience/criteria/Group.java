package com.asan.audience.criteria;

import java.util.List;

/** Criteria combined by {@link Match}. An empty root group matches every lead; nested groups are never empty. */
public record Group(Match match, List<Criterion> members) implements Criterion {

    public Group {
        members = List.copyOf(members);
    }

    public static Group everyone() {
        return new Group(Match.ALL, List.of());
    }

    /** These criteria limited to the leads assigned to one team member (an agent who sees only their own). */
    public Group assignedTo(long memberId) {
        Condition mine = new Condition("assigned_to", Operator.IS, memberId,
                new Check.AssigneeIn(java.util.Set.of(memberId)));
        return new Group(Match.ALL, members.isEmpty() ? List.of(mine) : List.of(this, mine));
    }
}
