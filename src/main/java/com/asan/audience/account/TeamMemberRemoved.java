package com.asan.audience.account;

/** A team member was deleted; the database has already unassigned their leads. */
public record TeamMemberRemoved(long accountId, long memberId) {
}
