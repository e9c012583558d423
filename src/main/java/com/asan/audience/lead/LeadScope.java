package com.asan.audience.lead;

import com.asan.audience.criteria.Group;

/**
 * Which leads a caller may see: every lead of the account, or (an agent where the account limits agents to their
 * own leads) only those assigned to {@code assignee}. Counts, lists and samples apply it to their criteria, so they
 * stay exact over the leads the caller may see, from the count index and from SQL alike.
 */
public record LeadScope(Long assignee) {

    public static final LeadScope ALL = new LeadScope(null);

    public boolean restricted() {
        return assignee != null;
    }

    public Group apply(Group criteria) {
        return assignee == null ? criteria : criteria.assignedTo(assignee);
    }

    public boolean allows(LeadView lead) {
        return assignee == null || assignee.equals(lead.assignedTo());
    }
}
