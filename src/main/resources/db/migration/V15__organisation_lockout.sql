-- An organisation's own smart lockout numbers, set by its admin; without a row, the operator's apply.
create table organisation_lockout (
    organisation_id   uuid primary key references organisation (id) on delete cascade,
    threshold         int not null,
    duration_seconds  int not null
);
