-- Token buckets of every limit (codes per person, address and destination; resets and passes begun per address;
-- failed sign-ins per address; live checks per flow), shared by every node so that N nodes allow what one does.
-- A key is kept as a SHA-256 (no address or number in clear); times are milliseconds since 1970, so that the
-- refill is plain arithmetic on H2 and PostgreSQL alike. A row whose bucket is full again (full_at) is forgotten.
create table rate_limit (
    name         varchar(64) not null,
    bucket_key   varchar(64) not null,
    tokens       double precision not null,
    refilled_at  bigint not null,
    full_at      bigint not null,
    primary key (name, bucket_key)
);
create index rate_limit_full_at on rate_limit (full_at);
