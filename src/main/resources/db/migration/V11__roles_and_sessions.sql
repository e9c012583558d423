-- Who created a segment: its creator may edit and delete it whatever their role. Kept when the member is removed
-- (no foreign key): the segment stays, and only owners and admins may then change it.
alter table segments add column created_by bigint;

-- Browser sessions, shared by every instance and kept across restarts (Spring Session JDBC's PostgreSQL schema; the
-- principal name is the member's email, which may be longer than the 100 characters of the stock schema).
create table spring_session (
    primary_id             char(36) not null,
    session_id             char(36) not null,
    creation_time          bigint   not null,
    last_access_time       bigint   not null,
    max_inactive_interval  int      not null,
    expiry_time            bigint   not null,
    principal_name         text,
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)     not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);

-- Raised when a member's role, password or email changes, or they sign out everywhere: a browser session signed
-- in under an older version is refused at its next request, on every instance.
alter table team_members add column session_version int not null default 0;
