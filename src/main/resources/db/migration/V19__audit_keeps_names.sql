-- Who an event concerns and who acted, as they were at the time (UPN and display name), so that the audit log still
-- names them after an account is deleted or renamed; actor_name also names an actor without an account (a SCIM
-- client, the command line).
alter table audit_event add column subject_upn varchar(320);
alter table audit_event add column subject_name varchar(256);
alter table audit_event add column actor_upn varchar(320);
alter table audit_event add column actor_name varchar(256);

update audit_event set subject_upn = (select upn from account where account.id = audit_event.account_id),
                       subject_name = (select display_name from account where account.id = audit_event.account_id),
                       actor_upn = (select upn from account where account.id = audit_event.actor_account_id),
                       actor_name = (select display_name from account where account.id = audit_event.actor_account_id);

create index audit_event_subject_upn on audit_event (organisation_id, subject_upn);
create index audit_event_actor_upn on audit_event (organisation_id, actor_upn);
