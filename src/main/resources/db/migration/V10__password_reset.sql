-- An organisation's self-service password reset; without a row (or with a null), the configured defaults.
-- kinds lists the kinds of method that count (EMAIL,PHONE,AUTHENTICATOR).
create table organisation_reset_settings (
    organisation_id   uuid primary key references organisation (id) on delete cascade,
    enabled           boolean,
    methods_required  int,
    kinds             varchar(64),
    constraint organisation_reset_methods_required check (methods_required in (1, 2))
);
