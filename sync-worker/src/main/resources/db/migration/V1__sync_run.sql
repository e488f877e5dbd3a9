-- A sync request the worker has accepted. The database, not the consumer position, is the truth
-- for work in flight: the request's offset is committed only after its row is written.
CREATE TABLE sync_run (
    request_id      varchar(256) PRIMARY KEY,
    installation_id varchar(256) NOT NULL,
    mode            varchar(16)  NOT NULL CHECK (mode IN ('INCREMENTAL', 'FULL')),
    state           varchar(16)  NOT NULL
        CHECK (state IN ('ACCEPTED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'REJECTED')),
    -- The validated SyncRequest as received, so a resumed run needs nothing but this row.
    request         jsonb        NOT NULL,
    accepted_at     timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0
);

CREATE INDEX sync_run_installation_idx ON sync_run (installation_id, accepted_at);
