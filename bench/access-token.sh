#!/usr/bin/env bash
# Cached access-token API under load (auth-service issue target: p99 <= 5 ms at 500 requests/s).
# Starts the graph-simulator, Kafka and PostgreSQL and the packaged auth-service as production runs
# it, installs an APPLICATION tenant through the real consent flow, then drives
# POST /installations/{id}/access-token at a constant rate with the graph-gateway's platform token
# (load generator: AccessTokenLoad, one Vert.x event loop in a plain JVM outside Maven). Everything it starts is stopped.
# Usage: bench/access-token.sh [requests-per-second=500] [seconds=60] [auth-service JVM options...]
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/stack.sh
source bench/lib/stack.sh
rate=${1:-500}
seconds=${2:-60}
shift 2 || true

./mvnw -q -B install -DskipTests
./mvnw -q -B -pl auth-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$logs/classpath.txt"
start_infrastructure
start_simulator
start_auth "$@"
wait_for http://localhost:8081/q/health/ready
installation=$(install_application)
gateway=$(platform_token graph-gateway)

java -Xmx256m -XX:+UseSerialGC -cp "auth-service/target/test-classes:$(cat "$logs/classpath.txt")" \
  dev.o365connector.auth.bench.AccessTokenLoad \
  http://localhost:8081 "$installation" "$gateway" "$rate" "$seconds"
