#!/usr/bin/env bash
# Times the README's test command on a fresh clone of HEAD: cold (empty Maven repository and
# wrapper cache, so every dependency is downloaded) and then warm (same clone, repository filled).
# Usage: bench/build-time.sh        (downloads ~0.5 GB from Maven Central for the cold run)
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
git clone -q "$top" "$work/project"
cd "$work/project"
export MAVEN_USER_HOME="$work/m2"
run() {
  local start=$SECONDS
  ./mvnw -B -Dmaven.repo.local="$work/m2/repository" verify > "$work/$1.log" 2>&1
  echo "$1: $(( SECONDS - start )) s  (log: $work/$1.log)"
}
run cold
run warm
