-- A directory also gives a person's email address and phone number (shown on their Overview; the email goes in the
-- ID tokens apps receive), and says who is disabled by a filter the directory evaluates, so that directories which
-- mark it their own way (eDirectory's loginDisabled, 389's nsAccountLock) can be read too.
alter table organisation_directory add column email_attribute varchar(100);
alter table organisation_directory add column phone_attribute varchar(100);
alter table organisation_directory add column disabled_filter varchar(1000);
update organisation_directory set email_attribute = 'mail', phone_attribute = 'telephoneNumber',
       disabled_filter = case kind when 'ACTIVE_DIRECTORY' then '(userAccountControl:1.2.840.113556.1.4.803:=2)'
                                   else '(pwdAccountLockedTime=000001010000Z)' end;
alter table organisation_directory alter column disabled_filter set not null;

alter table account add column email varchar(320);
alter table account add column phone varchar(100);
