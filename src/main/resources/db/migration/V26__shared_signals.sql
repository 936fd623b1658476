-- Shared Signals (SSF 1.0): an app's stream of security events, pushed to its receiver (RFC 8935), and each event
-- token (RFC 8417) kept until the receiver acknowledged it, with when to try again.
create table signal_stream (
    id                   varchar(36) primary key,
    registered_client_id varchar(100) not null references oauth2_registered_client (id) on delete cascade,
    endpoint_url         varchar(2000) not null,
    authorization_header varchar(4000),
    events_requested     varchar(2000) not null,
    description          varchar(500),
    status               varchar(10) not null,
    status_reason        varchar(500),
    created_at           timestamp with time zone not null,
    constraint signal_stream_one_per_app unique (registered_client_id)
);

create table signal_delivery (
    id               varchar(36) primary key,
    stream_id        varchar(36) not null references signal_stream (id) on delete cascade,
    event_token      varchar not null,
    attempts         integer default 0 not null,
    next_attempt_at  timestamp with time zone not null,
    created_at       timestamp with time zone not null
);
create index signal_delivery_due on signal_delivery (next_attempt_at);
create index signal_delivery_stream on signal_delivery (stream_id);
