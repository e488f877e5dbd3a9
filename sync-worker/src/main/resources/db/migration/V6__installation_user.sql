-- The user who signed in to a DELEGATED installation, from its installation event: the owner of
-- everything the installation reads under /me, known without asking Graph (whose /me needs a
-- permission a mail-only installation does not have).
alter table installation add column user_id varchar(256);
