-- When what SCIM shows of a person last changed (names, UPN, status, external id, role, password), and when the
-- organisation's admins last did; null means not since the row was made.
alter table account add column modified_at timestamp with time zone;
alter table organisation add column admins_modified_at timestamp with time zone;
