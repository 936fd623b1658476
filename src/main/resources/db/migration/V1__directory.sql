create table organisation (
    id          uuid primary key,
    name        varchar(200) not null,
    domain      varchar(253) not null,
    created_at  timestamp with time zone not null,
    constraint organisation_domain_unique unique (domain)
);

create table account (
    id                    uuid primary key,
    organisation_id       uuid not null references organisation (id),
    upn                   varchar(320) not null,
    display_name          varchar(256) not null,
    given_name            varchar(128),
    surname               varchar(128),
    password_hash         varchar(512),
    password_changed_at   timestamp with time zone,
    must_change_password  boolean not null default false,
    enabled               boolean not null default true,
    preferred_language    varchar(16),
    created_at            timestamp with time zone not null,
    constraint account_upn_unique unique (upn)
);

create table membership (
    account_id       uuid not null references account (id) on delete cascade,
    organisation_id  uuid not null references organisation (id) on delete cascade,
    role             varchar(16) not null,
    primary key (account_id, organisation_id),
    constraint membership_role_known check (role in ('MEMBER', 'ADMIN'))
);
