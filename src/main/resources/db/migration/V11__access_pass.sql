-- Temporary access passes: an admin gives one to a person who has no password or lost every method; it signs
-- them in instead of a password until it expires, once or for its whole lifetime. Only a keyed hash is kept.
create table access_pass (
    id            uuid primary key,
    account_id    uuid not null references account (id) on delete cascade,
    pass_hash     varchar(64) not null,
    one_time      boolean not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    used_at       timestamp with time zone,
    revoked_at    timestamp with time zone,
    issued_by     varchar(320) not null
);
create index access_pass_account on access_pass (account_id);
