#!/usr/bin/env bash
# Starts each service from its packaged fast-jar (with the graph-simulator as Microsoft 365 and
# platform identity provider), lets them idle, and prints start-up time and resident memory.
# Kafka and PostgreSQL: see bench/lib/stack.sh.
# Usage: bench/idle-rss.sh [idle-seconds] [JVM options...]     (after ./mvnw -B install -DskipTests)
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/stack.sh
source bench/lib/stack.sh
idle=${1:-60}
shift || true

start_infrastructure
start_simulator
start_auth "$@"
start_gateway "$@"
start_sync "$@"
declare -A pid_of=([auth-service]=$auth_pid [graph-gateway]=$gateway_pid [sync-worker]=$sync_pid)
for port in 8081 8082 8083; do wait_for "localhost:$port/q/health/ready"; done
sleep "$idle"
echo "service,started_in,rss_mib_after_${idle}s_idle"
for service in auth-service graph-gateway sync-worker; do
  started=$(grep -o 'started in [0-9.]*s' "$logs/$service.log" | head -1 | cut -d' ' -f3)
  echo "$service,$started,$(( $(ps -o rss= -p "${pid_of[$service]}") / 1024 ))"
done
