#!/bin/bash
# kafka-run-class.sh CLASS [ARGS...]: runs a class of the broker's libraries with the variables
# Apache Kafka's script of the same name reads: KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS,
# KAFKA_LOG4J_OPTS, KAFKA_OPTS. The libraries are the Maven Central jars of the broker version the
# project pins (deploy/images/kafka/pom.xml), not the distribution tarball.
set -euo pipefail
home=/opt/kafka
# shellcheck disable=SC2086 # the option strings are word lists by design
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC} \
  ${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$home/config/tools-log4j2.properties} \
  ${KAFKA_OPTS:-} -cp "$home/libs/*" "$@"
