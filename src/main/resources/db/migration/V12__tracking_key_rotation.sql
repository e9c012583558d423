-- Signing keys of tracking and unsubscribe links. The newest key without retired_at signs; retired keys still verify
-- until retired_at (links in emails already sent keep working). Keys are made by the application from a
-- cryptographic generator (SecureRandom), so no extension is needed on an external server.
create table tracking_signing_keys (
    id          bigint      generated always as identity primary key,
    secret      bytea       not null,
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);
-- at most one signing key at a time, whichever instance rotates first
create unique index tracking_signing_keys_active_uq on tracking_signing_keys ((true)) where retired_at is null;

-- the key made by V5 with random() keeps verifying links already sent for 90 days; the application makes a new
-- signing key at its next start
insert into tracking_signing_keys (secret, retired_at)
select convert_to(secret, 'UTF8'), now() + interval '90 days' from tracking_keys;
drop table tracking_keys;

-- A recipient whose SMTP transaction had started when its sender died is 'attempting' until recovery, then
-- 'interrupted': it may or may not have the message, and only an owner or admin sends it again, on purpose.
-- A claimed recipient ('sending') that no transaction had started for goes back to 'pending' instead.
alter table campaign_recipients drop constraint campaign_recipients_status_check;
alter table campaign_recipients add constraint campaign_recipients_status_check
    check (status in ('pending', 'sending', 'attempting', 'sent', 'failed', 'skipped', 'interrupted'));
