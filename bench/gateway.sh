#!/usr/bin/env bash
# graph-gateway throughput and added latency (issue target: >= 70 % of an nginx reverse-proxy hop's
# throughput, <= 2 ms added p99), and memory while a 50 MB file streams through it.
# Starts Kafka, PostgreSQL, the graph-simulator, auth-service and graph-gateway as production runs
# them (a stack of its own: ./devstack up with DEVSTACK_HOME in a new directory, the services and
# the simulator on the JVM's defaults), installs the demo tenant (APPLICATION, ./devstack install),
# then runs wrk against one small-JSON Graph GET
# (/users/{id}) three ways, same concurrency, one after the other in the same run:
#   direct   the simulator itself, with the installation's Graph token
#   nginx    through an nginx reverse-proxy hop (keep-alive upstream) to the simulator
#   gateway  through graph-gateway, with a platform token holding graph.read
# Usage: bench/gateway.sh [seconds=30] [connections=16]     (needs wrk and nginx: apt-get install wrk nginx-light)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-16}
command -v wrk > /dev/null && command -v nginx > /dev/null || { echo "needs wrk and nginx" >&2; exit 1; }
DEVSTACK_HOME=$(mktemp -d)
export DEVSTACK_HOME
logs=$DEVSTACK_HOME/bench
mkdir -p "$logs"
nginx_pid=
trap '[ -z "$nginx_pid" ] || { kill "$nginx_pid"; wait "$nginx_pid"; } 2> /dev/null; ./devstack down > /dev/null' EXIT
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
wait_for() {
  for _ in $(seq 120); do curl -fs "$1" > /dev/null && return 0; sleep 1; done
  echo "$1 never answered; logs in $logs" >&2
  exit 1
}

./devstack up graph-gateway --java-options graph-simulator= --java-options auth-service= \
  --java-options graph-gateway= >&2
set -a
# shellcheck disable=SC1090
source <(./devstack env)
set +a
gateway_pid=$(./devstack pid graph-gateway)
simulator_port=${O365_SIMULATOR_URL##*:}
installation=$(./devstack install)
reader=$(./devstack token sync-worker)
graph_token=$(curl -fs -X POST -H "Authorization: Bearer $(./devstack token graph-gateway)" \
  -H 'Content-Type: application/json' -d '{}' \
  "$O365_AUTH_URL/installations/$installation/access-token" | json 'd["accessToken"]')
user=$(curl -fs -H "Authorization: Bearer $reader" \
  "$O365_GATEWAY_URL/graph/$installation/v1.0/users?\$top=1" | json 'd["value"][0]["id"]')

cat > "$logs/nginx.conf" <<NGINX
worker_processes 1;
pid $logs/nginx.pid;
error_log $logs/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream simulator { server 127.0.0.1:$simulator_port; keepalive 64; }
  server {
    listen 8090;
    location / {
      proxy_pass http://simulator;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering on;
    }
  }
}
NGINX
nginx -c "$logs/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
wait_for http://localhost:8090/_sim/info

run() { # name connections url token
  wrk -t1 -c"$2" -d10s -H "Authorization: Bearer $4" "$3" > /dev/null # warm-up
  wrk -t1 -c"$2" -d"${seconds}s" --latency -H "Authorization: Bearer $4" "$3" > "$logs/wrk-$1-$2.txt"
  local out=$logs/wrk-$1-$2.txt
  echo "$1,$2,$(awk '/Requests\/sec/ {print $2}' "$out"),$(awk '$1=="50%" {print $2}' "$out"),$(awk '$1=="99%" {print $2}' "$out"),$(awk '/Non-2xx/ {print $4}' "$out")"
}
echo "target,connections,requests_per_second,p50,p99,non_2xx"
# Saturating concurrency for throughput, then a light one for latency without queueing.
for c in "$connections" 4; do
  run direct "$c" "$O365_SIMULATOR_URL/v1.0/users/$user" "$graph_token"
  run nginx "$c" "http://localhost:8090/v1.0/users/$user" "$graph_token"
  run gateway "$c" "$O365_GATEWAY_URL/graph/$installation/v1.0/users/$user" "$reader"
done
curl -fs "$O365_GATEWAY_URL/q/metrics" | grep -E '^o365_gateway_added_seconds\{quantile="0.(5|99)"' || true

# 50 MB through the gateway: resident memory and heap before, at most during, after.
tenant=$O365_DEMO_TENANT_ID
item=$(curl -fs -XPOST -H 'Content-Type: application/json' -d '{"driveItems":{"create":1,"size":52428800}}' \
  "$O365_SIMULATOR_URL/_sim/tenants/$tenant/mutations" | json 'd.get("driveItems", d)["created"][0]')
file=$(curl -fs "$O365_SIMULATOR_URL/_sim/tenants/$tenant/truth?resource=files" \
  | python3 -c "import json,sys; f=[o for o in json.load(sys.stdin) if o['id']=='$item'][0]; print(f['ownerId']+'/drive/items/'+f['id'])")
rss() { echo $(( $(ps -o rss= -p "$gateway_pid") / 1024 )); }
heap() { curl -fs "$O365_GATEWAY_URL/q/metrics" | awk '/^jvm_memory_used_bytes[{]area="heap"/ {s+=$NF} END {printf "%d", s/1048576}'; }
before_rss=$(rss); before_heap=$(heap); max_rss=$before_rss; max_heap=$before_heap
for _ in 1 2 3; do
  curl -fs -o /dev/null -w '%{size_download} bytes in %{time_total} s\n' -H "Authorization: Bearer $reader" \
    "$O365_GATEWAY_URL/graph/$installation/v1.0/users/$file/content" &
  download=$!
  while kill -0 "$download" 2> /dev/null; do
    r=$(rss); h=$(heap)
    [ "$r" -gt "$max_rss" ] && max_rss=$r
    [ "$h" -gt "$max_heap" ] && max_heap=$h
    sleep 0.1
  done
done
echo "50MB x3 through the gateway: rss ${before_rss} -> max ${max_rss} -> $(rss) MiB; heap used ${before_heap} -> max ${max_heap} -> $(heap) MiB"
