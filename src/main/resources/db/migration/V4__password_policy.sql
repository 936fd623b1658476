-- An organisation's own password policy; without a row, the configured defaults apply.
create table organisation_password_policy (
    organisation_id        uuid primary key references organisation (id) on delete cascade,
    minimum_length         int not null,
    maximum_length         int not null,
    nist_lengths           boolean not null,
    three_character_kinds  boolean not null,
    history_count          int not null,
    minimum_strength       int not null
);

-- Terms an organisation bans in passwords (Entra's limits: up to 1000 terms of 4 to 16 characters).
create table organisation_banned_term (
    organisation_id  uuid not null references organisation (id) on delete cascade,
    term             varchar(16) not null,
    primary key (organisation_id, term)
);

-- Earlier password hashes of an account, so that they are not used again.
create table password_history (
    id             uuid primary key,
    account_id     uuid not null references account (id) on delete cascade,
    password_hash  varchar(512) not null,
    replaced_at    timestamp with time zone not null
);

create index password_history_account on password_history (account_id, replaced_at);
