-- SCIM provisioning: bearer tokens an organisation's admin creates for its provisioning client (only a SHA-256
-- of each is kept; a token is 256 random bits), and the client's own id for a person (externalId).
create table scim_token (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id) on delete cascade,
    name             varchar(100) not null,
    token_hash       varchar(64) not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(320) not null,
    last_used_at     timestamp with time zone,
    revoked_at       timestamp with time zone,
    constraint scim_token_hash_unique unique (token_hash)
);
create index scim_token_organisation on scim_token (organisation_id, created_at);

alter table account add column external_id varchar(256);
