package dev.o365connector.devstack.kafka;

import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a Testcontainers {@code apache/kafka} KRaft container. Only reached when a Docker engine
 * answers, which is never the case on the project's CI machines; kept small so that branch stays
 * obviously right.
 */
final class ContainerKafka {

  static final String IMAGE = "apache/kafka:4.1.2";

  private ContainerKafka() {}

  @SuppressWarnings("resource") // stopped by Ryuk when the JVM exits
  static KafkaEndpoint start() {
    KafkaContainer container = new KafkaContainer(IMAGE);
    container.start();
    return new KafkaEndpoint(container.getBootstrapServers(), "testcontainers (" + IMAGE + ")");
  }
}
