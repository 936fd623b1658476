-- A directory is read whole now and then (which finds the people removed from it) and, between, only what changed
-- since the last reading: the cursor is the latest change seen (modifyTimestamp on OpenLDAP, uSNChanged on AD).
alter table organisation_directory add column sync_cursor varchar(100);
alter table organisation_directory add column read_whole_at timestamp with time zone;
