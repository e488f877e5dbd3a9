#!/bin/bash
# The local PostgreSQL image's entry point, with the upstream postgres image's behaviour where the
# project's files rely on it (documented on the image's page, hub.docker.com/_/postgres,
# "Environment Variables" and "Initialization scripts"):
#   - POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (default
#     postgres), POSTGRES_DB (default: POSTGRES_USER), PGDATA;
#   - on an empty data directory: initdb, then a server listening on its socket only creates
#     POSTGRES_DB and runs /docker-entrypoint-initdb.d/*.sh (sourced, or run when executable) and
#     *.sql (psql), in name order; it is stopped and the server proper starts. Each server logs
#     "database system is ready to accept connections", so a first start logs it twice
#     (Testcontainers' PostgreSQLContainer waits for both);
#   - clients over TCP sign in with scram-sha-256 passwords, from any address.
set -euo pipefail
if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi

export POSTGRES_USER=${POSTGRES_USER:-postgres}
export POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
    echo "error: set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
    exit 1
  fi
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD:-}") \
    --auth-local=trust --auth-host="$auth" --encoding=UTF8 --locale=C.UTF-8
  printf 'host all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"
  # This image leaves LLVM out (its JIT provider would add 120 MB).
  printf "listen_addresses = '*'\njit = off\n" >> "$PGDATA/postgresql.conf"

  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER")
  if [ "$POSTGRES_DB" != postgres ]; then
    "${psql[@]}" --dbname postgres -v db="$POSTGRES_DB" <<< 'CREATE DATABASE :"db";'
  fi
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sh)
        echo "running $file"
        if [ -x "$file" ]; then "$file"; else . "$file"; fi
        ;;
      *.sql)
        echo "running $file"
        "${psql[@]}" --dbname "$POSTGRES_DB" -f "$file"
        ;;
      */\*) ;; # an empty directory
      *) echo "ignoring $file" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "PostgreSQL init process complete; ready for start up."
fi
exec "$@"
