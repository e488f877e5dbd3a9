#!/usr/bin/env bash
# How fast the graph-simulator serves message delta pages of 1,000 items (issue target: at least
# 50,000 items/s on 2 cores), so it is never the bottleneck of sync benchmarks.
# Usage: bench/simulator-delta.sh [messages=100000] [warm-up rounds=3] [measured rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
# The simulator depends on no other module: built and run in one reactor, nothing installed.
./mvnw -q -B -pl graph-simulator test-compile exec:java \
  -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.o365connector.simulator.bench.DeltaThroughput \
  -Dexec.args="${1:-100000} ${2:-3} ${3:-5}"
