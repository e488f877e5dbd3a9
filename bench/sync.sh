#!/usr/bin/env bash
# sync-worker end to end (issue target: a FULL sync of 100 mailboxes x 1,000 messages at
# >= 10,000 items/s, next to the same-record-size kafka-producer-perf-test ceiling measured in the
# same run; an INCREMENTAL sync with no changes costs one Graph request per scope).
# Starts Kafka, PostgreSQL, the graph-simulator, auth-service, graph-gateway and sync-worker as
# production runs them (a stack of its own: ./devstack up with DEVSTACK_HOME in a new directory;
# separate processes, packaged jars, one machine; the services and the simulator on the JVM's
# defaults; the worker with 1,000-item
# pages and no initial sync of its own), seeds a tenant "bench" with USERS users and ITEMS items of
# RESOURCE each, installs it (APPLICATION, real consent flow) and, as the platform would, sends
# SyncRequests to o365.sync.requests and reads o365.sync.status (bench/kafka-tools: SyncRun):
#   warm-up      a FULL users sync, not timed (creates the request and status topics)
#   FULL         items = the run's change events (its SUCCEEDED counts, checked against the records
#                on o365.changes.RESOURCE and the simulator's ground truth); seconds = from sending
#                the request to the SUCCEEDED status arriving; the events' mean key + value size;
#                CPU seconds of each process meanwhile, and of everything else on the machine
#   ceiling      org.apache.kafka.tools.ProducerPerformance (kafka-producer-perf-test) against the
#                same broker: as many records of that mean size, unthrottled, to a scratch topic,
#                with the worker's producer settings (acks=all) and with bigger batches
#   INCREMENTAL  nothing changed: Graph requests the simulator answered meanwhile, by route, against
#                the delta scopes (users: 1; files: 1 owner directory + 1 per drive; mail: 1 owner
#                directory + 1 folder-tree delta per mailbox + 1 per folder). The owner directory
#                is the worker's /users/delta?$select=id, which tells an APPLICATION run whose
#                mailboxes and drives to read; a users-only run does not need it.
# then prints a block for docs/benchmarks.md. Everything it starts is stopped on exit.
# Usage: bench/sync.sh [resource=mail] [users=100] [items=1000]     (resource: mail, files or users;
#        for users, ITEMS is ignored and the items are the users)
# ./devstack builds what is missing first. SERVICE_JVM_OPTS: options for the three services'
# JVMs; SYNC_JVM_OPTS: more for the sync-worker's alone (e.g. -XX:StartFlightRecording=...); CEILING_PROPS: producer settings of the ceiling runs, ';'-separated; QUIET_WAIT: seconds to
# wait, before each timed step, for other processes on the machine to calm down (default 600).
set -euo pipefail
cd "$(dirname "$0")/.."
resource=${1:-mail}
users=${2:-100}
items=${3:-1000}
case $resource in
  mail) seed_items="\"messagesPerUser\":$items,\"mailFoldersPerUser\":2" ;;
  files) seed_items="\"driveItemsPerUser\":$items" ;;
  users) seed_items="" ;;
  *) echo "resource must be mail, files or users" >&2; exit 2 ;;
esac
DEVSTACK_HOME=$(mktemp -d)
export DEVSTACK_HOME
logs=$DEVSTACK_HOME/bench
mkdir -p "$logs"
trap './devstack down > /dev/null' EXIT
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# Kafka's own tools at the broker's version, and the bench's SyncRun.
./mvnw -q -B -f bench/kafka-tools/pom.xml compile dependency:build-classpath \
  -Dmdep.outputFile="$logs/kafka-tools.classpath"
tools_cp="bench/kafka-tools/target/classes:$(cat "$logs/kafka-tools.classpath")"

# Fixed ports (the stack's defaults): wait (up to 15 minutes) while another run on this machine
# holds them.
ports="8081 8082 8083 8089 9092 9093 5433"
filter=$(printf 'sport = :%s or ' $ports)
for attempt in $(seq 90); do
  busy=$(ss -Hltn "( ${filter% or } )")
  [ -z "$busy" ] && break
  [ "$attempt" = 90 ] && { echo "ports $ports still busy:" >&2; echo "$busy" >&2; exit 1; }
  [ "$attempt" = 1 ] && echo "waiting for ports $ports to be free..." >&2
  sleep 10
done

./devstack up kafka postgres graph-simulator --java-options graph-simulator= >&2
set -a
# shellcheck disable=SC1090
source <(./devstack env)
set +a
seeded=$(date +%s.%N)
tenant=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"users\":$users,\"usersWithoutMailbox\":0,\"usersWithoutDrive\":0${seed_items:+,$seed_items}}" \
  "$O365_SIMULATOR_URL/_sim/tenants" | json 'd["id"]')
echo "seeded tenant bench ($users users, resource $resource) in $(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $seeded}") s" >&2
./devstack up graph-gateway --java-options auth-service="${SERVICE_JVM_OPTS:-}" \
  --java-options graph-gateway="${SERVICE_JVM_OPTS:-}" >&2
# One big page per Graph request (the simulator's cap), and only the runs this script asks for;
# the worker inherits these from ./devstack's environment.
O365_SYNC_PAGE_SIZE=1000 O365_SYNC_INITIAL_SYNC=false ./devstack up sync-worker \
  --java-options sync-worker="${SERVICE_JVM_OPTS:-} ${SYNC_JVM_OPTS:-}" >&2
declare -A pid_of
for part in kafka postgres graph-simulator auth-service graph-gateway sync-worker; do
  pid_of[$part]=$(./devstack pid "$part")
done

# An APPLICATION installation through the consent flow, once the worker has it as ACTIVE.
installation=$(./devstack install "$tenant")

# Ground truth: objects the FULL run must publish, and the delta scopes.
curl -fs "$O365_SIMULATOR_URL/_sim/tenants/$tenant/truth?resource=$resource" > "$logs/truth.json"
read -r expected scopes <<< "$(python3 - "$resource" "$logs/truth.json" <<'PY'
import json, sys
resource, truth = sys.argv[1], json.load(open(sys.argv[2]))
# Mail and files of an APPLICATION installation: the owner directory is a scope of its own.
directory = 1
if resource == "users":
    scopes = 1
elif resource == "files":
    scopes = directory + len({o["containerId"] for o in truth})
else:
    scopes = directory + len({o["ownerId"] for o in truth}) + sum(o["objectType"] == "mailFolder" for o in truth)
print(len(truth), scopes)
PY
)"

sync_run() { # MODE RESOURCE: SyncRun's JSON in $logs/MODE-RESOURCE.json, progress on stderr
  local out=$logs/$1-$2.json state
  java -Xmx512m -Dslf4j.internal.verbosity=ERROR -cp "$tools_cp" dev.o365connector.bench.SyncRun \
    "$KAFKA_BOOTSTRAP_SERVERS" "$installation" "$2" "$1" "bench-$1-$2-$(date +%s%N)" > "$out" || true
  state=$(json 'd["state"]' < "$out" 2> /dev/null || echo none)
  if [ "$state" != SUCCEEDED ]; then
    echo "$1 sync of $2 ended $state: $(cat "$out"); logs in $logs" >&2
    exit 1
  fi
}

# Warm-up, not timed: a FULL users sync of the same installation creates the request and status
# topics (production has them beforehand), joins the worker's consumer to its group and sends the
# first requests through the gateway.
echo "warm-up: FULL sync of users" >&2
sync_run FULL users
# A long-running service is warm: untimed FULLs of the resource itself (WARMUP of them, default 2)
# let the JITs of all the services compile the hot paths first; on 2 cores the compilers still
# take a core's worth after one. The timed FULL then reads everything again from scratch, as every
# FULL does.
for i in $(seq "${WARMUP:-2}"); do
  echo "warm-up $i: FULL sync of $resource" >&2
  sync_run FULL "$resource"
done
# CPU used in a window, per process of the stack and by the whole machine: $logs/cpu.sh PREFIX PHASE
# writes PREFIX-PHASE. Tells whether the stack had the two cores to itself (another build or test
# run on the machine shows as "other processes").
postmaster=$(head -1 "$DEVSTACK_HOME/data/postgres/postmaster.pid")
cat > "$logs/cpu.sh" <<CPU
#!/bin/sh
ticks() { awk '{sub(/^.*\) /, ""); print \$12 + \$13}' "/proc/\$1/stat" 2> /dev/null || echo 0; }
pg=\$(ticks ${pid_of[postgres]})
for p in $postmaster \$( [ -n "$postmaster" ] && pgrep -P "$postmaster"); do pg=\$((pg + \$(ticks \$p))); done
{
  echo "sync-worker \$(ticks ${pid_of[sync-worker]})"
  echo "graph-gateway \$(ticks ${pid_of[graph-gateway]})"
  echo "auth-service \$(ticks ${pid_of[auth-service]})"
  echo "graph-simulator \$(ticks ${pid_of[graph-simulator]})"
  echo "kafka \$(ticks ${pid_of[kafka]})"
  echo "postgresql \$pg"
  echo "machine \$(awk '/^cpu / {print \$2 + \$3 + \$4 + \$7 + \$8 + \$9}' /proc/stat)"
  echo "wall \$(date +%s.%N)"
} > "\$1-\$2"
CPU
chmod +x "$logs/cpu.sh"
cpu_report() { # BEFORE AFTER [CPU seconds of a client of ours to leave out of "other processes"]
  python3 - "$@" "$(getconf CLK_TCK)" "$(nproc)" <<'PY'
import sys
args = sys.argv[1:]
hz, cores = int(args[-2]), int(args[-1])
client = float(args[2]) if len(args) > 4 else 0.0
before, after = ({k: float(v) for k, v in (l.split() for l in open(f))} for f in args[:2])
wall = after.pop("wall") - before.pop("wall")
used = {k: (after[k] - before[k]) / hz for k in after}
machine = used.pop("machine")
others = max(machine - sum(used.values()) - client, 0)
parts = ", ".join(f"{k} {v:.1f}" for k, v in sorted(used.items(), key=lambda kv: -kv[1]) if v >= 0.05)
print(f"{others:.1f} {others / (wall * cores) * 100:.0f} {parts}; other processes {others:.1f}"
      f" (machine {machine / (wall * cores) * 100:.0f} % busy of {cores} cores over {wall:.1f} s)")
PY
}

# This machine may be shared: before a timed step, wait (up to QUIET_WAIT seconds, default 600)
# until other processes leave the stack at least 90 % of the cores for 5 s.
quiet() {
  local waited=0 others
  while :; do
    "$logs/cpu.sh" "$logs/cpu-quiet" start
    sleep 5
    "$logs/cpu.sh" "$logs/cpu-quiet" final
    read -r _ others _ <<< "$(cpu_report "$logs/cpu-quiet-start" "$logs/cpu-quiet-final")"
    [ "$others" -lt 10 ] && return 0
    if [ "$waited" -ge "${QUIET_WAIT:-600}" ]; then
      echo "other processes still use $others % of the machine; measuring anyway" >&2
      return 0
    fi
    [ "$waited" = 0 ] && echo "other processes use $others % of the machine; waiting for quiet..." >&2
    waited=$((waited + 5))
  done
}

quiet
echo "FULL sync of $resource: $expected objects in the ground truth" >&2
SYNC_RUN_HOOK="$logs/cpu.sh $logs/cpu-full" sync_run FULL "$resource"
read -r _ full_others full_cpu <<< "$(cpu_report "$logs/cpu-full-start" "$logs/cpu-full-final")"
full=$(python3 - "$resource" "$logs/FULL-$resource.json" <<'PY'
import json, sys
from datetime import datetime
resource, r = sys.argv[1], json.load(open(sys.argv[2]))
c, ch = r["status"]["counts"][resource], r["changes"]
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
items = c["upserts"] + c["deletes"]
run = (t(r["status"]["finishedAt"]) - t(r["status"]["startedAt"])).total_seconds()
n = max(ch["runRecords"], 1)
print(items, ch["runRecords"], ch["tombstones"], f'{r["seconds"]:.2f}', round(items / r["seconds"]),
      f"{run:.2f}", round(items / run) if run else 0, round((ch["keyBytes"] + ch["valueBytes"]) / n),
      round(ch["headerBytes"] / n), c["pages"], c["graphRequests"], f'{r["firstSeen"].get("RUNNING", 0):.2f}')
PY
)
read -r full_items full_records full_tombstones full_seconds full_rate run_seconds run_rate \
  record_size header_size full_pages full_requests full_running <<< "$full"
if [ "$full_items" != "$full_records" ] || [ "$full_items" != "$expected" ]; then
  echo "warning: $full_items items in the SUCCEEDED counts, $full_records change events of the run on" \
    "o365.changes.$resource, $expected objects in the ground truth" >&2
fi

# The ceiling: Kafka's own producer benchmark, as many records of the events' mean size, to a
# scratch topic (the broker's default 3 partitions, like the change topics). The first settings are
# the sync-worker's change producer's (acks=all, 256 KiB batches, 10 ms linger), then Kafka's defaults; CEILING_PROPS
# (';'-separated) replaces the list.
IFS=';' read -r -a ceiling_props <<< "${CEILING_PROPS:-acks=all batch.size=262144 linger.ms=10;acks=all}"
ceiling_lines=()
for i in "${!ceiling_props[@]}"; do
  read -r -a props <<< "${ceiling_props[$i]}"
  quiet
  echo "ceiling: ProducerPerformance, $full_records records of $record_size bytes, ${props[*]}" >&2
  "$logs/cpu.sh" "$logs/cpu-ceiling-$i" start
  TIMEFORMAT='%U %S'
  { time java -Xmx512m -Dslf4j.internal.verbosity=ERROR -cp "$tools_cp" org.apache.kafka.tools.ProducerPerformance \
      --topic "bench.ceiling.$i.$(date +%s)" --num-records "$full_records" --record-size "$record_size" \
      --throughput -1 --producer-props bootstrap.servers="$KAFKA_BOOTSTRAP_SERVERS" "${props[@]}" \
      > "$logs/ceiling-$i.txt" 2> "$logs/ceiling-$i.err"; } 2> "$logs/ceiling-$i.time"
  "$logs/cpu.sh" "$logs/cpu-ceiling-$i" final
  tail -1 "$logs/ceiling-$i.txt" >&2
  rate=$(awk '/records sent/ {line=$0} END {split(line, f, ", "); split(f[2], r, " "); printf "%d", r[1]}' "$logs/ceiling-$i.txt")
  read -r _ others cpu <<< "$(cpu_report "$logs/cpu-ceiling-$i-start" "$logs/cpu-ceiling-$i-final" \
    "$(awk '{print $1 + $2}' "$logs/ceiling-$i.time")")"
  [ "$i" = 0 ] && { ceiling=$rate; ceiling_others=$others; }
  ceiling_lines+=("            ${props[*]}: $rate records/s ($(tail -1 "$logs/ceiling-$i.txt" | cut -d, -f3 | sed 's/^ //'))"
    "              CPU s: perf-test $(awk '{printf "%.1f", $1 + $2}' "$logs/ceiling-$i.time"), $cpu")
done

# INCREMENTAL with nothing changed: Graph requests by route, from the simulator's statistics.
curl -fs "$O365_SIMULATOR_URL/_sim/stats" > "$logs/stats-before.json"
sync_run INCREMENTAL "$resource"
curl -fs "$O365_SIMULATOR_URL/_sim/stats" > "$logs/stats-after.json"
read -r incremental_requests incremental_delta incremental_routes <<< "$(python3 - "$logs/stats-before.json" "$logs/stats-after.json" <<'PY'
import json, sys
before, after = (json.load(open(f))["requests"]["byRoute"] for f in sys.argv[1:])
# Graph's routes ("GET /v1.0/..."), and any that matched no route; not the identity platform's.
graph = {r: n - before.get(r, 0) for r, n in after.items()
         if r.split(" ", 1)[-1].startswith(("/v1.0", "/beta", "(no route)")) and n != before.get(r, 0)}
# Delta requests: every ".../delta" route, the owner directory's "GET /v1.0/users/delta" included
# (a "GET /v1.0/users" listing is not one).
print(sum(graph.values()), sum(n for r, n in graph.items() if r.endswith("/delta")),
      ", ".join(f"{n} {r}" for r, n in sorted(graph.items())) or "-")
PY
)"
read -r incremental_items incremental_seconds incremental_worker_requests <<< "$(python3 - "$resource" "$logs/INCREMENTAL-$resource.json" <<'PY'
import json, sys
resource, r = sys.argv[1], json.load(open(sys.argv[2]))
c = r["status"]["counts"][resource]
print(c["upserts"] + c["deletes"], f'{r["seconds"]:.2f}', c["graphRequests"])
PY
)"

machine="$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
share=$(( (full_rate * 100 + ceiling / 2) / (ceiling > 0 ? ceiling : 1) ))
verdict() { [ "$1" = yes ] && echo "met" || echo "NOT met"; }
shared=""
if [ "$full_others" -ge 10 ] || [ "$ceiling_others" -ge 10 ]; then
  shared="WARNING: other processes used ${full_others} % of the machine during the FULL sync and ${ceiling_others} % during the ceiling: not a clean run"
fi
printf -v ceiling_text '%s\n' "${ceiling_lines[@]}"
cat <<RESULT

## sync-worker: $resource, $users users x $([ "$resource" = users ] && echo 0 || echo "$items") items ($(date +%F), $(git rev-parse --short HEAD))
machine: $machine${shared:+
$shared}
FULL        $full_items items ($full_records change events on o365.changes.$resource, $full_tombstones tombstones; ground truth $expected) in $full_seconds s from request to SUCCEEDED = $full_rate items/s
            RUNNING seen after $full_running s; the run's startedAt->finishedAt $run_seconds s = $run_rate items/s; $full_pages pages, $full_requests Graph requests
            mean record: $record_size bytes key + value (+ $header_size bytes of CloudEvents headers)
            CPU s: $full_cpu
ceiling     ProducerPerformance, $full_records records x $record_size bytes, to a scratch topic:
${ceiling_text%$'\n'}
            the sync reached $share % of the first
INCREMENTAL no changes: $incremental_items items in $incremental_seconds s; $incremental_requests Graph requests at the simulator, $incremental_delta of them delta requests (the worker counted $incremental_worker_requests), for $scopes scopes
            by route: $incremental_routes
            one Graph request per scope: $(verdict "$([ "$incremental_requests" = "$scopes" ] && echo yes)"); one delta request per scope: $(verdict "$([ "$incremental_delta" = "$scopes" ] && echo yes)")
target      >= 10,000 items/s end to end: $(verdict "$([ "$full_rate" -ge 10000 ] && echo yes)")

| date | commit | resource | users x items | items | request -> SUCCEEDED | items/s | mean record (key + value) | producer-perf ceiling | sync / ceiling | incremental: Graph requests (delta) / scopes |
|---|---|---|---|---|---|---|---|---|---|---|
| $(date +%F) | $(git rev-parse --short HEAD) | $resource | $users x $([ "$resource" = users ] && echo - || echo "$items") | $full_items | $full_seconds s | $full_rate | $record_size B | $ceiling records/s | $share % | $incremental_requests ($incremental_delta) / $scopes |
RESULT
