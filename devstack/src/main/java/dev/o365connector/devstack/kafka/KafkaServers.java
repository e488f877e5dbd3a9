package dev.o365connector.devstack.kafka;

import dev.o365connector.devstack.Infrastructure;

/**
 * The one Kafka broker of this JVM, chosen in order: {@code KAFKA_BOOTSTRAP_SERVERS}, a
 * Testcontainers {@code apache/kafka} container, an embedded KRaft broker. Started on first use and
 * stopped when the JVM exits, so every test class of a module shares it.
 */
public final class KafkaServers {

  /**
   * Set once a broker runs. Quarkus may load this class in more than one class loader per JVM; the
   * property, unlike a static field, is seen by all of them.
   */
  static final String STARTED_PROPERTY = "devstack.kafka.bootstrap-servers";

  private KafkaServers() {}

  /** The shared broker, started if needed. */
  public static synchronized KafkaEndpoint shared() {
    String started = System.getProperty(STARTED_PROPERTY);
    if (started != null) {
      return new KafkaEndpoint(started, "shared");
    }
    KafkaEndpoint endpoint = start();
    System.setProperty(STARTED_PROPERTY, endpoint.bootstrapServers());
    Infrastructure.announce("Kafka", endpoint.origin(), endpoint.bootstrapServers());
    return endpoint;
  }

  private static KafkaEndpoint start() {
    return Infrastructure.setting("KAFKA_BOOTSTRAP_SERVERS")
        .map(servers -> new KafkaEndpoint(servers, "external (KAFKA_BOOTSTRAP_SERVERS)"))
        .orElseGet(
            () ->
                Infrastructure.dockerAvailable() ? ContainerKafka.start() : EmbeddedKafka.start());
  }
}
