-- The Entra tokens of one installation. refresh_token and access_token are Tink AEAD ciphertext
-- (keyset O365_TOKEN_KEYSET) with the installation id as associated data, so a value copied to
-- another installation's row does not decrypt.
CREATE TABLE stored_token (
    installation_id         uuid        PRIMARY KEY REFERENCES installation (id) ON DELETE CASCADE,
    refresh_token           bytea       NULL,
    access_token            bytea       NULL,
    access_token_expires_at timestamptz NULL,
    -- Space-separated, as in an OAuth scope string.
    granted_scopes          text        NOT NULL DEFAULT '',
    refreshed_at            timestamptz NULL,
    last_used_at            timestamptz NULL,
    version                 bigint      NOT NULL DEFAULT 0
);

COMMENT ON TABLE stored_token IS
    'Entra tokens per installation; refresh_token and access_token are Tink AEAD ciphertext with the installation id as associated data.';
