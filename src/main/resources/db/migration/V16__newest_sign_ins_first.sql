-- The Overview reads an account's newest sign-in on every visit: an index in the page's own order lets
-- both databases read the page alone, not every sign-in of an account that signs in all day.
drop index sign_in_event_account_time;
create index sign_in_event_account_newest on sign_in_event (account_id desc, occurred_at desc, id desc);
