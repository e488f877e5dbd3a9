-- What an installation asked for and who signed in.
ALTER TABLE installation
    ADD COLUMN resources  text          NOT NULL DEFAULT '',
    ADD COLUMN return_url varchar(2048),
    ADD COLUMN user_id    varchar(64),
    ADD COLUMN username   varchar(320);

-- A consent URL's state: only its SHA-256 is stored, it is used once and expires.
CREATE TABLE consent_state (
    state_hash      bytea        PRIMARY KEY,
    installation_id uuid         NOT NULL REFERENCES installation (id) ON DELETE CASCADE,
    type            varchar(16)  NOT NULL CHECK (type IN ('DELEGATED', 'APPLICATION')),
    -- DELEGATED only: the authorize request's tenant segment and PKCE verifier (Tink ciphertext).
    authority       varchar(64),
    code_verifier   bytea,
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    used_at         timestamptz
);

CREATE INDEX consent_state_installation_idx ON consent_state (installation_id);
