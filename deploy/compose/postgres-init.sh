#!/bin/bash
# One database and one role per service, as in production (docs/deploy.md): auth-service owns
# o365_auth, sync-worker owns o365_sync; Flyway in each service creates the tables at start-up.
# The postgres image runs this once, on an empty data directory, with the container's environment
# (AUTH_DB_PASSWORD and SYNC_DB_PASSWORD come from docker-compose.yml).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v auth_password="$AUTH_DB_PASSWORD" -v sync_password="$SYNC_DB_PASSWORD" <<'SQL'
CREATE ROLE o365_auth LOGIN PASSWORD :'auth_password';
CREATE DATABASE o365_auth OWNER o365_auth;
CREATE ROLE o365_sync LOGIN PASSWORD :'sync_password';
CREATE DATABASE o365_sync OWNER o365_sync;
SQL
