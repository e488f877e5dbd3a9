#!/bin/bash
# kafka-storage.sh: as in Apache Kafka's distribution.
exec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
