# Shared by the bench scripts (source it from the repository root): starts the pieces of the
# system as separate processes, the way production runs them, and stops them all on exit.
#   start_infrastructure  Kafka + PostgreSQL (devstack's embedded ones unless KAFKA_BOOTSTRAP_SERVERS
#                         and DB_HOST/DB_PORT/DB_USER/DB_PASSWORD are set; databases must then exist)
#   start_simulator       graph-simulator on 8089, seed 42 (demo tenant, app, platform clients)
#   start_auth [jvm opts] auth-service on 8081           start_gateway [jvm opts] graph-gateway on 8082
#   start_sync [jvm opts] sync-worker on 8083
#   platform_token CLIENT access token of a platform client (platform-dev, graph-gateway, sync-worker)
#   install_application [TENANT_ID]  an APPLICATION installation of that tenant (default: the demo
#                         tenant) through the real consent flow; prints the installation id
# Each start_* leaves its process id in infrastructure_pid, simulator_pid, auth_pid, gateway_pid
# or sync_pid. Logs go to $logs. Needs python3 and curl.
set -euo pipefail
logs=$(mktemp -d)
pids=()
# On exit: stop everything started here and wait until it is gone (ports free, databases closed).
trap 'kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true' EXIT
SIMULATOR=http://localhost:8089

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

wait_for() {
  for _ in $(seq 120); do curl -fs "$1" > /dev/null && return 0; sleep 1; done
  echo "$1 never answered; logs in $logs" >&2
  exit 1
}

start_infrastructure() {
  if [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then return 0; fi
  ./mvnw -q -pl :devstack exec:java > "$logs/infrastructure.log" 2>&1 &
  pids+=($!)
  infrastructure_pid=$!
  for _ in $(seq 180); do grep -q '^# ready' "$logs/infrastructure.log" && break; sleep 1; done
  grep -q '^# ready' "$logs/infrastructure.log" || { echo "infrastructure did not start; see $logs" >&2; exit 1; }
  set -a
  # shellcheck disable=SC1090
  source <(grep -E '^(KAFKA_BOOTSTRAP_SERVERS|DB_[A-Z]+)=' "$logs/infrastructure.log")
  set +a
}

start_simulator() {
  java -jar graph-simulator/target/graph-simulator-*-SNAPSHOT.jar --port=8089 > "$logs/simulator.log" 2>&1 &
  pids+=($!)
  simulator_pid=$!
  wait_for "$SIMULATOR/_sim/info"
  info=$(curl -fs "$SIMULATOR/_sim/info")
  export O365_PLATFORM_ISSUER
  O365_PLATFORM_ISSUER=$(echo "$info" | json 'd["platform"]["issuer"]')
}

client_secret() {
  echo "$info" | json "[c for c in d['platform']['clients'] if c['clientId']=='$1'][0]['clientSecret']"
}

platform_token() {
  curl -fs "$(echo "$info" | json 'd["platform"]["tokenUrl"]')" \
    -d grant_type=client_credentials -d "client_id=$1" -d scope=o365-connector/.default \
    -d "client_secret=$(client_secret "$1")" | json 'd["access_token"]'
}

# Runs a service's fast-jar with the given JVM options; its pid in $started_pid.
run_service() {
  local service=$1 port=$2
  shift 2
  java "$@" -jar "$service/target/quarkus-app/quarkus-run.jar" > "$logs/$service.log" 2>&1 &
  started_pid=$!
  pids+=($!)
}

start_auth() {
  O365_CLIENT_ID=$(echo "$info" | json 'd["apps"][0]["clientId"]') \
  O365_CLIENT_SECRET=$(echo "$info" | json 'd["apps"][0]["clientSecret"]') \
  O365_CALLBACK_URL=http://localhost:8081/connector/callback \
  O365_LOGIN_BASE_URL=$SIMULATOR \
  O365_GRAPH_BASE_URL=$SIMULATOR/v1.0 \
  O365_TOKEN_KEYSET=${O365_TOKEN_KEYSET:-$(./mvnw -q -pl auth-service exec:java -Dexec.mainClass=dev.o365connector.auth.token.GenerateKeyset)} \
  DB_NAME=o365_auth \
    run_service auth-service 8081 "$@"
  auth_pid=$started_pid
}

start_gateway() {
  O365_AUTH_URL=http://localhost:8081 \
  O365_GRAPH_BASE_URL=$SIMULATOR/v1.0 \
  O365_PLATFORM_CLIENT_SECRET=$(client_secret graph-gateway) \
    run_service graph-gateway 8082 "$@"
  gateway_pid=$started_pid
}

start_sync() {
  DB_NAME=o365_sync \
  O365_GATEWAY_URL=http://localhost:8082 \
  O365_PLATFORM_CLIENT_SECRET=$(client_secret sync-worker) \
    run_service sync-worker 8083 "$@"
  sync_pid=$started_pid
}

install_application() {
  local admin tenant created callback
  admin=$(platform_token platform-dev)
  tenant=${1:-$(echo "$info" | json 'd["tenants"][0]["id"]')}
  created=$(curl -fs -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"accountId\":\"bench\",\"type\":\"APPLICATION\",\"tenantId\":\"$tenant\"}" http://localhost:8081/installations)
  installation=$(echo "$created" | json 'd["id"]')
  callback=$(curl -s -o /dev/null -w '%{redirect_url}' "$(echo "$created" | json 'd["consentUrl"]')")
  curl -fs -o /dev/null "$callback"
  echo "$installation"
}
