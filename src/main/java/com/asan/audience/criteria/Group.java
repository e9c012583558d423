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
}
