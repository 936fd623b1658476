-- An organisation's own directory (OpenLDAP or Active Directory) behind the portal: where it is, how the portal
-- signs in to it (the service account's password sealed like other secrets), where its people are and which
-- attributes say who they are, and when a node last started to read them.
create table organisation_directory (
    organisation_id        uuid primary key references organisation (id) on delete cascade,
    kind                   varchar(20) not null,
    url                    varchar(500) not null,
    start_tls              boolean not null,
    plain_for_testing      boolean not null,
    ca_certificate         varchar(20000),
    bind_dn                varchar(1000) not null,
    bind_password_sealed   varchar(1000) not null,
    people_base            varchar(1000) not null,
    people_filter          varchar(1000) not null,
    upn_attribute          varchar(100) not null,
    display_name_attribute varchar(100) not null,
    given_name_attribute   varchar(100) not null,
    surname_attribute      varchar(100) not null,
    admin_group_dn         varchar(1000),
    sync_started_at        timestamp with time zone,
    synced_at              timestamp with time zone,
    sync_summary           varchar(500),
    modified_at            timestamp with time zone not null,
    constraint organisation_directory_kind_known check (kind in ('OPENLDAP', 'ACTIVE_DIRECTORY'))
);

-- A person read from the organisation's directory: their stable id there (entryUUID, objectGUID), which a rename
-- keeps, and the entry's name to bind as. A person with a directory entry has no password hash in the portal.
alter table account add column directory_id varchar(64);
alter table account add column directory_dn varchar(1000);
create unique index account_directory_id on account (organisation_id, directory_id);
