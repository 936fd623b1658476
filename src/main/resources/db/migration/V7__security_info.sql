-- A person's sign-in methods besides the password. secret holds what the method needs to work: an
-- authenticator's shared secret sealed with AES-GCM, or the email address or phone number codes go to.
create table sign_in_method (
    id              uuid primary key,
    account_id      uuid not null references account (id) on delete cascade,
    kind            varchar(16) not null,
    secret          varchar(512) not null,
    is_default      boolean not null,
    -- The last authenticator time step accepted: a code of that step or an earlier one is refused.
    last_step       bigint,
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    constraint sign_in_method_kind_known check (kind in ('AUTHENTICATOR', 'EMAIL', 'PHONE'))
);

create index sign_in_method_account on sign_in_method (account_id);

-- Multi-step journeys (the second sign-in step, re-authentication, later the password reset): each is
-- single-use, expires, and counts its attempts.
create table flow (
    id           uuid primary key,
    kind         varchar(32) not null,
    account_id   uuid references account (id) on delete cascade,
    attempts     int not null,
    expires_at   timestamp with time zone not null,
    finished_at  timestamp with time zone
);

create index flow_expiry on flow (expires_at);

-- One-time codes sent by email or SMS, kept only as keyed hashes; a new code for the same purpose
-- replaces the old one.
create table one_time_code (
    account_id   uuid not null references account (id) on delete cascade,
    purpose      varchar(64) not null,
    destination  varchar(320) not null,
    code_hash    varchar(64) not null,
    tries        int not null,
    expires_at   timestamp with time zone not null,
    primary key (account_id, purpose)
);

-- Messages to people: sent by SMTP or an SMS webhook when configured, else kept here for the operator.
create table outbox_message (
    id          uuid primary key,
    channel     varchar(8) not null,
    recipient   varchar(320) not null,
    subject     varchar(200),
    body        varchar(4000) not null,
    created_at  timestamp with time zone not null,
    sent_at     timestamp with time zone
);

-- An organisation's sign-in settings; without a row, the configured defaults apply.
create table organisation_sign_in_settings (
    organisation_id        uuid primary key references organisation (id) on delete cascade,
    second_factor_required boolean not null
);

alter table sign_in_event add column second_factor varchar(16);

-- Wrong codes get a count of their own beside wrong passwords: a right password empties its own count, and
-- must not give someone who knows it fresh tries at the codes.
create table sign_in_lockout_by_secret (
    upn              varchar(320) not null,
    familiar_device  boolean not null,
    secret           varchar(8) not null,
    failed_count     int not null,
    lockouts         int not null,
    locked_until     timestamp with time zone,
    fingerprints     varchar(200) not null,
    primary key (upn, familiar_device, secret),
    constraint sign_in_lockout_secret_known check (secret in ('PASSWORD', 'CODE'))
);

insert into sign_in_lockout_by_secret (upn, familiar_device, secret, failed_count, lockouts, locked_until, fingerprints)
select upn, familiar_device, 'PASSWORD', failed_count, lockouts, locked_until, fingerprints from sign_in_lockout;

drop table sign_in_lockout;
alter table sign_in_lockout_by_secret rename to sign_in_lockout;
