-- Changes that readers apply to a whole column instead of rebuilding the account. Such a row names no lead
-- (lead_ids is empty), so it also moves the version as any change does.
-- dropped_field: a custom field deleted or retyped; readers drop the key's column.
-- unassigned_member: a team member removed, whose leads the foreign key left unassigned; readers drop that value.
alter table lead_changes add column dropped_field text;
alter table lead_changes add column unassigned_member bigint;
