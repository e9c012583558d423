-- Snapshots of the in-memory count index (countindex module), so an instance that starts, or reloads an evicted
-- account, reads one stored index and replays the change feed since its version instead of rebuilding from the
-- leads. A snapshot is only used by the exact code that wrote it (code_fingerprint).
create table count_index_snapshots (
    account_id        bigint      primary key references accounts (account_id) on delete cascade,
    version           bigint      not null,
    code_fingerprint  text        not null,
    parts             int         not null,
    bytes             bigint      not null,
    written_at        timestamptz not null default now()
);

create table count_index_snapshot_parts (
    account_id  bigint not null references count_index_snapshots (account_id) on delete cascade,
    part        int    not null,
    data        bytea  not null,
    primary key (account_id, part)
);
-- bitmaps and coded text hardly compress: skip pglz, which cost more CPU than the bytes it saved
alter table count_index_snapshot_parts alter column data set storage external;
