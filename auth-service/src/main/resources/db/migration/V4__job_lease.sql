-- Jobs that must run on one replica at a time take a lease: whoever moves expires_at forward
-- while it lies in the past holds it; a dead holder's lease simply runs out.
CREATE TABLE job_lease (
    name       varchar(64)  PRIMARY KEY,
    owner      varchar(128) NOT NULL,
    expires_at timestamptz  NOT NULL
);

INSERT INTO job_lease (name, owner, expires_at) VALUES ('proactive-refresh', 'nobody', '-infinity');
