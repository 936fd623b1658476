-- Which door checked the secret of a logged attempt: the sign-in page, or another page that asks for the
-- account's password (Change password), each counting toward the same lockout.
alter table sign_in_event add column door varchar(32) default 'SIGN_IN' not null;
