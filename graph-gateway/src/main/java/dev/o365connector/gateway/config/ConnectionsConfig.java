package dev.o365connector.gateway.config;

import dev.o365connector.runtime.connection.KafkaConnection;
import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/**
 * What graph-gateway needs from its environment (Kafka only: it keeps no database), bound to the
 * settings Quarkus itself reads. Unremovable so that it is always validated: a missing variable
 * stops start-up with one line naming it ({@code SRCFG00011: Could not expand value
 * KAFKA_BOOTSTRAP_SERVERS ...}) instead of a client's connection error.
 */
@Unremovable
@ConfigMapping(prefix = "o365.connections")
public interface ConnectionsConfig extends KafkaConnection {}
