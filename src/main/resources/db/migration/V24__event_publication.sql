-- Spring Modulith's event publication registry (its v2 schema): an event stays here until each of its
-- listeners has finished, so a listener that failed (a mail server down) is retried later, on any node.
create table event_publication (
    id uuid primary key,
    listener_id varchar(512) not null,
    event_type varchar(512) not null,
    serialized_event varchar(4000) not null,
    publication_date timestamp with time zone not null,
    completion_date timestamp with time zone,
    status varchar(20),
    completion_attempts int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_listener on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date on event_publication (completion_date);
