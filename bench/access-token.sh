#!/usr/bin/env bash
# Cached access-token API under load (auth-service issue target: p99 <= 5 ms at 500 requests/s).
# Starts a stack of its own with ./devstack (DEVSTACK_HOME in a new directory: Kafka, PostgreSQL,
# the graph-simulator and the packaged auth-service as production runs it, the services and the
# simulator on the JVM's defaults), installs an APPLICATION tenant through the real consent flow
# (./devstack install), then drives POST /installations/{id}/access-token at a constant rate with
# the graph-gateway's platform token (load generator: AccessTokenLoad, one Vert.x event loop in a
# plain JVM outside Maven). Everything it starts is stopped (./devstack down).
# Usage: bench/access-token.sh [requests-per-second=500] [seconds=60] [auth-service JVM options...]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-500}
seconds=${2:-60}
shift 2 || true
DEVSTACK_HOME=$(mktemp -d)
export DEVSTACK_HOME
trap './devstack down > /dev/null' EXIT

./mvnw -q -B -pl auth-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$DEVSTACK_HOME/classpath.txt"
./devstack up auth-service --java-options graph-simulator= --java-options auth-service="$*" >&2
set -a
# shellcheck disable=SC1090
source <(./devstack env)
set +a
installation=$(./devstack install)
gateway=$(./devstack token graph-gateway)

java -Xmx256m -XX:+UseSerialGC -cp "auth-service/target/test-classes:$(cat "$DEVSTACK_HOME/classpath.txt")" \
  dev.o365connector.auth.bench.AccessTokenLoad \
  "$O365_AUTH_URL" "$installation" "$gateway" "$rate" "$seconds"
