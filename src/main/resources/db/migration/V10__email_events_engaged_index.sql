-- Opens and clicks by lead, for the count index's reads (a build streams them in lead order; a catch-up reads
-- those of the changed leads) and for engagement criteria in SQL. email_events_lead_idx holds every event type:
-- with sends and deliveries, which outnumber opens and clicks many times, those reads walked all of them
-- (1M leads with 10M sends and deliveries: 3.9-5.1 s against 1.6 s with this index).
-- Not CONCURRENTLY: with it the application's start hung in tests (not investigated). Writes to
-- email_events wait while this builds (about 5 s per 12M events here).
create index email_events_engaged_idx
    on email_events (account_id, lead_id, campaign_id, type, occurred_at)
    where type in ('opened', 'clicked');
