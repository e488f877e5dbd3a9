#!/usr/bin/env bash
# Starts each service from its packaged fast-jar, lets it idle, and prints start-up time and
# resident memory. Kafka and PostgreSQL come from KAFKA_BOOTSTRAP_SERVERS and DB_HOST, DB_PORT,
# DB_USER, DB_PASSWORD when set (databases o365_auth and o365_sync must exist); otherwise the
# script starts devstack's LocalInfrastructure (embedded Kafka and PostgreSQL) and stops it after.
# Usage: bench/idle-rss.sh [idle-seconds] [JVM options...]     (after ./mvnw -B install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-60}
shift || true
logs=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  ./mvnw -q -pl devstack exec:java > "$logs/infrastructure.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 180); do grep -q '^# ready' "$logs/infrastructure.log" && break; sleep 1; done
  grep -q '^# ready' "$logs/infrastructure.log" || { echo "infrastructure did not start; see $logs" >&2; exit 1; }
  set -a
  # shellcheck disable=SC1090
  source <(grep -E '^(KAFKA_BOOTSTRAP_SERVERS|DB_[A-Z]+)=' "$logs/infrastructure.log")
  set +a
fi

services=(auth-service graph-gateway sync-worker)
declare -A pid_of
for service in "${services[@]}"; do
  java "$@" -jar "$service/target/quarkus-app/quarkus-run.jar" > "$logs/$service.log" 2>&1 &
  pid_of[$service]=$!
  pids+=($!)
done
for port in 8081 8082 8083; do
  for _ in $(seq 120); do curl -fs "localhost:$port/q/health/ready" > /dev/null && break; sleep 1; done
  curl -fs "localhost:$port/q/health/ready" > /dev/null || { echo "port $port never got ready; see $logs" >&2; exit 1; }
done
sleep "$idle"
echo "service,started_in,rss_mib_after_${idle}s_idle"
for service in "${services[@]}"; do
  started=$(grep -o 'started in [0-9.]*s' "$logs/$service.log" | head -1 | cut -d' ' -f3)
  echo "$service,$started,$(( $(ps -o rss= -p "${pid_of[$service]}") / 1024 ))"
done
