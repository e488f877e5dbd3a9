package dev.o365connector.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this artifact was built with (stack.properties, filled by the build): the project version,
 * the default tag of the connector's images, and the upstream Kafka and PostgreSQL images. The
 * variables {@code O365_KAFKA_IMAGE} and {@code O365_POSTGRES_IMAGE} (environment, or system
 * properties of the same name) choose other images, e.g. local ones on a machine without a
 * registry.
 */
final class StackDefaults {

  private static final Properties PROPERTIES = load();

  private StackDefaults() {}

  static String version() {
    return PROPERTIES.getProperty("version");
  }

  static String kafkaImage() {
    return configured("O365_KAFKA_IMAGE", "kafka.image");
  }

  static String postgresImage() {
    return configured("O365_POSTGRES_IMAGE", "postgres.image");
  }

  private static String configured(String variable, String key) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      value = System.getProperty(variable);
    }
    return value == null || value.isBlank() ? PROPERTIES.getProperty(key) : value.trim();
  }

  private static Properties load() {
    try (InputStream in = StackDefaults.class.getResourceAsStream("stack.properties")) {
      if (in == null) {
        throw new IllegalStateException("stack.properties is missing from the artifact");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
