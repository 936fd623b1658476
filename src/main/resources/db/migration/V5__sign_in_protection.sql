-- Every sign-in attempt. account_id is null for a UPN that matches no account: kept against the UPN
-- typed, shown to no person.
create table sign_in_event (
    id                uuid primary key,
    occurred_at       timestamp with time zone not null,
    upn_typed         varchar(320) not null,
    account_id        uuid references account (id) on delete cascade,
    outcome           varchar(32) not null,
    client_address    varchar(64),
    browser           varchar(100),
    operating_system  varchar(100),
    familiar_device   boolean not null,
    review            varchar(16)
);

create index sign_in_event_account_time on sign_in_event (account_id, occurred_at);

-- Smart lockout, per UPN typed (known or not) and apart for familiar devices. fingerprints holds keyed
-- hashes of the last three wrong passwords, never the passwords.
create table sign_in_lockout (
    upn              varchar(320) not null,
    familiar_device  boolean not null,
    failed_count     int not null,
    lockouts         int not null,
    locked_until     timestamp with time zone,
    fingerprints     varchar(200) not null,
    primary key (upn, familiar_device)
);

-- Browsers that signed in to an account before, known by the id in their signed device cookie.
create table familiar_device (
    account_id  uuid not null references account (id) on delete cascade,
    device_id   varchar(64) not null,
    last_seen   timestamp with time zone not null,
    primary key (account_id, device_id)
);

-- Keys the portal makes for itself on first use and every node shares.
create table portal_key (
    key_name   varchar(64) primary key,
    key_value  varchar(128) not null
);
