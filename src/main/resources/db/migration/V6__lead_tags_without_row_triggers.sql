-- A lead's tag links are written and deleted only by the lead module (TagRepository, LeadRepository), which removes
-- the links of a lead or tag in the same transaction as the lead or tag itself. The two foreign keys checked each
-- link with a trigger query per row: 57 % of the database time of a CSV import (100,000 leads with two tags each:
-- 8.5 s for the links with the keys, 2.7 s without; measured on PostgreSQL 17 here, see docs/decisions/).
alter table lead_tags drop constraint lead_tags_account_id_lead_id_fkey;
alter table lead_tags drop constraint lead_tags_account_id_tag_id_fkey;
