-- The time zone a person reads times in (an IANA name); without one, the portal's.
alter table account add column time_zone varchar(64);

-- What an organisation tells its people on Settings & Privacy.
create table organisation_profile (
    organisation_id  uuid primary key references organisation (id) on delete cascade,
    privacy_url      varchar(2000),
    contact_email    varchar(320)
);
