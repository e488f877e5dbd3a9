-- Which run wrote each cursor, so a FULL run that resumes after a crash skips the scopes it already
-- finished and continues the one it was in, instead of starting every scope over.
ALTER TABLE sync_cursor ADD COLUMN request_id varchar(256);
