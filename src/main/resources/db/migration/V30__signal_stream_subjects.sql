-- Every person of an app's organisation is in its Shared Signals stream (default_subjects ALL) unless the app took
-- them out with the remove-subject endpoint; adding them again puts them back.
create table signal_stream_removed_subject (
    stream_id  varchar(36) not null references signal_stream (id) on delete cascade,
    account_id uuid not null references account (id) on delete cascade,
    primary key (stream_id, account_id)
);
