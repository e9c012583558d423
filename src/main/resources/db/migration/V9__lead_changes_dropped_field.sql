-- A custom field deleted or retyped: readers drop the index column of this key instead of rebuilding the account.
-- Such a row names no lead (lead_ids is empty), so it also moves the version as any change does.
alter table lead_changes add column dropped_field text;
