-- The lead module's change feed, written in the same transaction as each change. The per-account version row is
-- updated first, so concurrent writers of one account serialise on it and versions commit in order without gaps.
-- lead_id null means "the whole account changed" (a tag renamed, a field deleted, a campaign sent, ...).
create table lead_change_versions (
    account_id  bigint primary key references accounts (account_id) on delete cascade,
    version     bigint not null
);

create table lead_changes (
    account_id  bigint      not null references accounts (account_id) on delete cascade,
    version     bigint      not null,
    lead_id     bigint,
    changed_at  timestamptz not null default now(),
    primary key (account_id, version)
);
