-- The URL a cursor's round started from. A scope whose start URL changes (a calendar window
-- re-anchored, a different window asked for) cannot continue the old round: it is resynced.
ALTER TABLE sync_cursor ADD COLUMN start_url text;

-- Objects Graph offers no delta for (calendars, calendar groups) as last listed, so the next
-- listing can be diffed into UPSERTs and DELETEs.
CREATE TABLE listed_object (
    installation_id varchar(256) NOT NULL,
    resource        varchar(16)  NOT NULL,
    owner           varchar(256) NOT NULL,
    object_type     varchar(32)  NOT NULL,
    object_id       varchar(512) NOT NULL,
    version         varchar(512) NOT NULL,
    PRIMARY KEY (installation_id, resource, owner, object_type, object_id)
);

-- A DELEGATED installation has no tenant until its user signs in (its PENDING event has none).
ALTER TABLE installation ALTER COLUMN tenant_id DROP NOT NULL;
