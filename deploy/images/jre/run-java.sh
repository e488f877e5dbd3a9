#!/bin/sh
# The local Java base image's launcher. It sits where the upstream base
# (registry.access.redhat.com/ubi9/openjdk-17-runtime) keeps its run-java.sh, so the services'
# Dockerfiles run unchanged on either base, and it reads the variables they set: JAVA_APP_JAR (the
# jar), JAVA_OPTS_APPEND (added to the options), JAVA_OPTS (replaces the default options). Unlike
# upstream it does not size the heap from the machine's memory: JAVA_MAX_HEAP (default 512m) sizes
# it, so that the whole stack (five JVMs next to PostgreSQL) fits one small machine.
set -eu
: "${JAVA_APP_JAR:?JAVA_APP_JAR must name the jar to run}"
cd "$(dirname "$JAVA_APP_JAR")"
# shellcheck disable=SC2086 # the option strings are word lists by design
exec java -Xmx"${JAVA_MAX_HEAP:-512m}" ${JAVA_OPTS:--XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError} \
  ${JAVA_OPTS_APPEND:-} -jar "$JAVA_APP_JAR" "$@"
