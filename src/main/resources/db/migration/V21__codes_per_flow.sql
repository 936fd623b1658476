-- A code's purpose names the flow it was sent for (a sign-in's or a confirmation's, with the method), longer than
-- before.
alter table one_time_code alter column purpose set data type varchar(128);
