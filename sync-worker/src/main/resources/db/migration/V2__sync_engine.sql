-- Runs are claimed by one replica at a time through a lease; a dead replica's lease runs out and
-- another replica resumes the run from its cursors.
ALTER TABLE sync_run
    ADD COLUMN lease_owner      varchar(128),
    ADD COLUMN lease_expires_at timestamptz,
    ADD COLUMN started_at       timestamptz,
    ADD COLUMN finished_at      timestamptz,
    ADD COLUMN counts           jsonb,
    ADD COLUMN error_code       varchar(64),
    ADD COLUMN error_message    text;

CREATE INDEX sync_run_open_idx ON sync_run (accepted_at) WHERE state IN ('ACCEPTED', 'RUNNING');

-- Where each delta scope stands: the whole link Graph (through the gateway) gave last. A nextLink
-- (complete = false) means a round is under way; a deltaLink (complete = true) that it finished.
-- Stored only after the page's change events were acknowledged by Kafka.
CREATE TABLE sync_cursor (
    installation_id varchar(256) NOT NULL,
    resource        varchar(16)  NOT NULL,
    owner           varchar(256) NOT NULL DEFAULT '',
    container       varchar(512) NOT NULL DEFAULT '',
    link            text         NOT NULL,
    complete        boolean      NOT NULL,
    updated_at      timestamptz  NOT NULL,
    PRIMARY KEY (installation_id, resource, owner, container)
);

-- What auth-service announced about each installation (o365.installations), so requests can be
-- checked against the installation's type and grants without asking auth-service.
CREATE TABLE installation (
    id                  varchar(256) PRIMARY KEY,
    tenant_id           varchar(256) NOT NULL,
    type                varchar(16)  NOT NULL,
    status              varchar(24)  NOT NULL,
    granted_permissions jsonb        NOT NULL,
    occurred_at         timestamptz  NOT NULL
);
