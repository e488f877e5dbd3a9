-- Transactional outbox of installation events: a status change writes its event here in the same
-- transaction, and the relay (one replica at a time, by the lease below) sends the rows to
-- o365.installations in id order, then deletes them. So an event exists exactly when its change
-- committed, and a Kafka outage delays events instead of failing requests.
CREATE TABLE installation_outbox (
    -- Gives the order; per installation it is commit order (changes lock the installation row).
    id              bigserial   PRIMARY KEY,
    -- The Kafka key. No foreign key: the event must not depend on the installation row's fate.
    installation_id uuid        NOT NULL,
    -- The InstallationEvent JSON, validated against its schema before it was written.
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL
);

INSERT INTO job_lease (name, owner, expires_at) VALUES ('installation-outbox', 'nobody', '-infinity');
