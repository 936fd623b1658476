-- Apps that sign their people in through the portal (OpenID Connect). Spring Authorization Server's own JDBC
-- tables, as it ships them, with unbounded varchar for its large columns (not H2's CLOB, whose parameters and
-- comparisons go through LOB storage on every token lookup) and time zones on its times, so that the one
-- migration serves H2 and PostgreSQL.
create table oauth2_registered_client (
    id                            varchar(100) primary key,
    client_id                     varchar(100) not null,
    client_id_issued_at           timestamp with time zone default current_timestamp not null,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamp with time zone,
    client_name                   varchar(200) not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null,
    constraint oauth2_registered_client_id_unique unique (client_id)
);

create table oauth2_authorization (
    id                            varchar(100) primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    varchar,
    state                         varchar(500),
    authorization_code_value      varchar,
    authorization_code_issued_at  timestamp with time zone,
    authorization_code_expires_at timestamp with time zone,
    authorization_code_metadata   varchar,
    access_token_value            varchar,
    access_token_issued_at        timestamp with time zone,
    access_token_expires_at       timestamp with time zone,
    access_token_metadata         varchar,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           varchar,
    oidc_id_token_issued_at       timestamp with time zone,
    oidc_id_token_expires_at      timestamp with time zone,
    oidc_id_token_metadata        varchar,
    refresh_token_value           varchar,
    refresh_token_issued_at       timestamp with time zone,
    refresh_token_expires_at      timestamp with time zone,
    refresh_token_metadata        varchar,
    user_code_value               varchar,
    user_code_issued_at           timestamp with time zone,
    user_code_expires_at          timestamp with time zone,
    user_code_metadata            varchar,
    device_code_value             varchar,
    device_code_issued_at         timestamp with time zone,
    device_code_expires_at        timestamp with time zone,
    device_code_metadata          varchar
);
create index oauth2_authorization_principal on oauth2_authorization (principal_name, registered_client_id);
-- A refresh, a code's exchange and a consent find their grant by these (short, random) values; access tokens (JWTs
-- of a kilobyte or more, looked up by userinfo and introspection) are left unindexed, as B-tree entries have a limit.
create index oauth2_authorization_refresh_token on oauth2_authorization (refresh_token_value);
create index oauth2_authorization_code on oauth2_authorization (authorization_code_value);
create index oauth2_authorization_state on oauth2_authorization (state);

create table oauth2_authorization_consent (
    registered_client_id varchar(100) not null,
    principal_name       varchar(200) not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- Which organisation an app belongs to (it signs in that organisation's people only), who registered it, and
-- whether an admin has turned it off.
create table app (
    registered_client_id varchar(100) primary key references oauth2_registered_client (id) on delete cascade,
    organisation_id      uuid not null references organisation (id) on delete cascade,
    created_at           timestamp with time zone not null,
    created_by           varchar(320) not null,
    disabled_at          timestamp with time zone
);
create index app_organisation on app (organisation_id, created_at);

-- The keys every node signs tokens with: a private JWK sealed with AES-GCM (the same key as authenticator
-- secrets), the newest of each algorithm signing, older ones published until their tokens have expired.
create table signing_key (
    key_id     varchar(64) primary key,
    algorithm  varchar(10) not null,
    sealed_jwk varchar not null,
    created_at timestamp with time zone not null
);
create index signing_key_newest on signing_key (algorithm, created_at);

-- Refresh tokens an app has already traded for new ones (only a SHA-256 of each), with the grant they belonged to:
-- one presented again means it was copied, and its whole grant ends.
create table spent_refresh_token (
    token_hash       varchar(64) primary key,
    authorization_id varchar(100) not null,
    spent_at         timestamp with time zone not null
);
create index spent_refresh_token_authorization on spent_refresh_token (authorization_id);
