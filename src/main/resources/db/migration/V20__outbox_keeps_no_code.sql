-- A message's subject and text (a one-time code among them) are kept only until a mail server or SMS gateway
-- takes it; what was sent before is cleared.
alter table outbox_message alter column body drop not null;
update outbox_message set subject = null, body = null where sent_at is not null;
