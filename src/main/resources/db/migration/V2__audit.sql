-- Append-only: the application only ever inserts into this table.
create table audit_event (
    id               uuid primary key,
    occurred_at      timestamp with time zone not null,
    type             varchar(64) not null,
    organisation_id  uuid references organisation (id),
    account_id       uuid references account (id),
    client_address   varchar(64),
    user_agent       varchar(512),
    detail           varchar(200)
);

create index audit_event_account_time on audit_event (account_id, occurred_at);
