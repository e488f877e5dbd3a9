package dev.o365connector.stack.kafka;

/**
 * A running Kafka broker.
 *
 * @param bootstrapServers {@code host:port[,host:port]}
 * @param origin how it was provided: external, testcontainers or embedded
 */
public record KafkaEndpoint(String bootstrapServers, String origin) {}
