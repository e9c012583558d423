-- Campaign content and lifecycle. Historical campaigns (recorded with a name and send time only) keep these null.
alter table campaigns
    add column subject             text,
    add column preheader           text,
    add column from_name           text,
    add column from_email          text,
    add column reply_to            text,
    add column html                text,
    add column segment_id          bigint,
    add column exclude_segment_ids bigint[] not null default '{}',
    add column send_at             timestamptz,
    add column started_at          timestamptz,
    add column criteria_used       jsonb,
    add column failure             text,
    add column lease_owner         text,
    add column lease_until         timestamptz;
alter table campaigns add constraint campaigns_status_check
    check (status in ('draft', 'scheduled', 'sending', 'sent', 'cancelled', 'failed'));
create index campaigns_due_idx on campaigns (status, send_at) where status in ('scheduled', 'sending');

-- The recipient list, fixed when the send starts. status: pending -> sending -> sent | failed; or skipped.
-- A recipient left in 'sending' by a crash is marked failed, never sent again: no one gets a campaign twice.
create table campaign_recipients (
    account_id       bigint      not null,
    campaign_id      bigint      not null,
    lead_id          bigint      not null,
    email            text,
    status           text        not null check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
    reason           text,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz,
    sent_at          timestamptz,
    message_id       text,
    primary key (account_id, campaign_id, lead_id),
    foreign key (account_id, campaign_id) references campaigns (account_id, id) on delete cascade
);
create index campaign_recipients_work_idx on campaign_recipients (account_id, campaign_id, status, next_attempt_at);

-- The key that signs tracking and unsubscribe links, shared by every instance of the deployment.
create table tracking_keys (
    id      int  primary key check (id = 1),
    secret  text not null
);
insert into tracking_keys values (1, encode(sha256((random()::text || clock_timestamp()::text || random()::text)::bytea), 'hex'));
