#!/usr/bin/env bash
# Starts each service from its packaged fast-jar (with the graph-simulator as Microsoft 365 and
# platform identity provider, Kafka and PostgreSQL: a stack of its own, ./devstack up with
# DEVSTACK_HOME in a new directory), lets them idle, and prints start-up time and resident memory.
# The services and the simulator run on the JVM's defaults, or the options given.
# Usage: bench/idle-rss.sh [idle-seconds] [JVM options...]     (./devstack builds what is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-60}
shift || true
DEVSTACK_HOME=$(mktemp -d)
export DEVSTACK_HOME
trap './devstack down > /dev/null' EXIT

./devstack up --java-options graph-simulator= --java-options auth-service="$*" \
  --java-options graph-gateway="$*" --java-options sync-worker="$*" >&2
set -a
# shellcheck disable=SC1090
source <(./devstack env)
set +a
sleep "$idle"
echo "service,started_in,rss_mib_after_${idle}s_idle"
for service in auth-service graph-gateway sync-worker; do
  started=$(grep -o 'started in [0-9.]*s' "$DEVSTACK_LOGS/$service.log" | head -1 | cut -d' ' -f3)
  echo "$service,$started,$(( $(ps -o rss= -p "$(./devstack pid "$service")") / 1024 ))"
done
