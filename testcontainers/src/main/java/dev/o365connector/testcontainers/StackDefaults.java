package dev.o365connector.testcontainers;

import dev.o365connector.recipe.Images;

/**
 * What this artifact was built with, as the project's recipe ({@link Images}) has it: the project
 * version, the default tag of the connector's images, and the upstream Kafka and PostgreSQL images.
 * The variables {@code O365_KAFKA_IMAGE} and {@code O365_POSTGRES_IMAGE} (environment, or system
 * properties of the same name) choose other images, e.g. local ones on a machine without a
 * registry.
 */
final class StackDefaults {

  private StackDefaults() {}

  static String version() {
    return Images.version();
  }

  static String kafkaImage() {
    return Images.kafka();
  }

  static String postgresImage() {
    return Images.postgres();
  }
}
