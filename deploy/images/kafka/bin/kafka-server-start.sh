#!/bin/bash
# kafka-server-start.sh SERVER_PROPERTIES: the broker (a KRaft node) in the foreground, logging to
# standard output at INFO like the upstream image (Testcontainers waits for its RUNNING line).
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
export KAFKA_LOG4J_OPTS="${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties}"
exec "$(dirname "$0")/kafka-run-class.sh" kafka.Kafka "$@"
