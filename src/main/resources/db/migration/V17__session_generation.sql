-- Raised whenever every session of the account ends (a new password, a reset, a disabled account, a new UPN). A
-- session keeps the value its sign-in read, so one that was still signing in as they ended ends at its next request.
alter table account add column session_generation integer not null default 0;
