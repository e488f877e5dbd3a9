#!/usr/bin/env bash
# Cached access-token API under load (auth-service issue target: p99 <= 5 ms at 500 requests/s).
# Starts the graph-simulator (port 8089, seed 42), devstack's Kafka and PostgreSQL and the packaged
# auth-service (port 8081) as the production profile runs it, installs an APPLICATION tenant
# through the real consent flow, then drives POST /installations/{id}/access-token at a constant
# rate with the graph-gateway's platform token. Everything it starts is stopped at the end.
# Usage: bench/access-token.sh [requests-per-second=500] [seconds=30]     (needs python3, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-500}
seconds=${2:-30}
logs=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
wait_for() { for _ in $(seq 120); do curl -fs "$1" > /dev/null && return 0; sleep 1; done; echo "$1 never answered; logs in $logs" >&2; exit 1; }

./mvnw -q -B install -DskipTests
./mvnw -q -B -pl auth-service test-compile

java -jar graph-simulator/target/graph-simulator-*-SNAPSHOT.jar --port=8089 > "$logs/simulator.log" 2>&1 &
pids+=($!)
./mvnw -q -pl devstack exec:java > "$logs/infrastructure.log" 2>&1 &
pids+=($!)
wait_for http://localhost:8089/_sim/info
for _ in $(seq 180); do grep -q '^# ready' "$logs/infrastructure.log" && break; sleep 1; done
set -a
# shellcheck disable=SC1090
source <(grep -E '^(KAFKA_BOOTSTRAP_SERVERS|DB_[A-Z]+)=' "$logs/infrastructure.log")
set +a
info=$(curl -fs http://localhost:8089/_sim/info)

O365_CLIENT_ID=$(echo "$info" | json 'd["apps"][0]["clientId"]') \
O365_CLIENT_SECRET=$(echo "$info" | json 'd["apps"][0]["clientSecret"]') \
O365_CALLBACK_URL=http://localhost:8081/connector/callback \
O365_LOGIN_BASE_URL=http://localhost:8089 \
O365_GRAPH_BASE_URL=http://localhost:8089/v1.0 \
O365_PLATFORM_ISSUER=$(echo "$info" | json 'd["platform"]["issuer"]') \
O365_TOKEN_KEYSET=$(./mvnw -q -pl auth-service exec:java -Dexec.mainClass=dev.o365connector.auth.token.GenerateKeyset) \
DB_NAME=o365_auth \
  java -jar auth-service/target/quarkus-app/quarkus-run.jar > "$logs/auth-service.log" 2>&1 &
pids+=($!)
wait_for http://localhost:8081/q/health/ready

token_of() {
  curl -fs "$(echo "$info" | json 'd["platform"]["tokenUrl"]')" \
    -d grant_type=client_credentials -d "client_id=$1" -d scope=o365-connector/.default \
    -d "client_secret=$(echo "$info" | json "[c for c in d['platform']['clients'] if c['clientId']=='$1'][0]['clientSecret']")" \
    | json 'd["access_token"]'
}
admin=$(token_of platform-dev)
gateway=$(token_of graph-gateway)
tenant=$(echo "$info" | json 'd["tenants"][0]["id"]')
created=$(curl -fs -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"accountId\":\"bench\",\"type\":\"APPLICATION\",\"tenantId\":\"$tenant\"}" http://localhost:8081/installations)
installation=$(echo "$created" | json 'd["id"]')
callback=$(curl -s -o /dev/null -w '%{redirect_url}' "$(echo "$created" | json 'd["consentUrl"]')")
curl -fs -o /dev/null "$callback"
curl -fs -H "Authorization: Bearer $admin" "http://localhost:8081/installations/$installation" | json 'd["status"]'

./mvnw -q -B -pl auth-service exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.o365connector.auth.bench.AccessTokenLoad \
  -Dexec.args="http://localhost:8081 $installation $gateway $rate $seconds"
