-- One row per customer installation: a DELEGATED user sign-in or an APPLICATION tenant consent.
CREATE TABLE installation (
    id                  uuid         PRIMARY KEY,
    account_id          varchar(256) NOT NULL,
    type                varchar(16)  NOT NULL CHECK (type IN ('DELEGATED', 'APPLICATION')),
    tenant_id           varchar(64),
    status              varchar(24)  NOT NULL
        CHECK (status IN ('PENDING', 'ACTIVE', 'REAUTH_REQUIRED', 'FAILED', 'UNINSTALLED')),
    -- Space-separated, as in an OAuth scope string.
    granted_permissions text         NOT NULL DEFAULT '',
    reason              varchar(1024),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0,
    CONSTRAINT application_needs_tenant CHECK (type <> 'APPLICATION' OR tenant_id IS NOT NULL)
);

CREATE INDEX installation_account_idx ON installation (account_id);
