-- A CSV file of people added in the background: its progress and its report, in the database, so that a reload on
-- any node shows where it stands and the report stays. The file itself, initial passwords and all, is not stored.
create table bulk_add_job (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id) on delete cascade,
    started_by       varchar(320) not null,
    started_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    rows_total       integer not null,
    rows_done        integer not null,
    finished_at      timestamp with time zone
);
create index bulk_add_job_organisation on bulk_add_job (organisation_id, started_at);

-- A row's outcome: the person added (refusal null) or why not, in the language of the admin who started it.
create table bulk_add_row (
    job_id        uuid not null references bulk_add_job (id) on delete cascade,
    line          bigint not null,
    upn           varchar(4096) not null,
    display_name  varchar(256),
    refusal       varchar(4000),
    primary key (job_id, line)
);
