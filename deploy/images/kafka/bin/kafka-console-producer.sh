#!/bin/bash
# kafka-console-producer.sh: as in Apache Kafka's distribution.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.ConsoleProducer "$@"
