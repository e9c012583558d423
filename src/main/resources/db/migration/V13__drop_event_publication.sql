-- Modules no longer publish events after commit (the two that remain, CustomFieldsChanged and TeamMemberRemoved, are
-- handled in the publishing transaction), so Spring Modulith's publication registry and its table are gone.
drop table if exists event_publication;
