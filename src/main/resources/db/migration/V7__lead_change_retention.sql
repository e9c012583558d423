-- The change feed is pruned after a retention period (LeadChangeRetention). pruned_through is the highest version
-- deleted so far: a reader whose index is older than it cannot replay the gap and rebuilds the account instead.
alter table lead_change_versions add column pruned_through bigint not null default 0;
