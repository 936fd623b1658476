-- The admin who did what an audit event records, when an admin did it. No reference to account: an event
-- outlives the accounts it names.
alter table audit_event add column actor_account_id uuid;
create index audit_event_organisation_time on audit_event (organisation_id, occurred_at);

-- The admin's People list: an organisation's people by name, a page at a time, without sorting them all.
create index account_organisation_name on account (organisation_id, display_name, id);
