#!/bin/bash
# kafka-consumer-groups.sh: as in Apache Kafka's distribution.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
