package dev.o365connector.recipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The images a stack in containers runs: the connector's own ({@link Service#image(String)}) of the
 * version this artifact was built with, and Kafka's and PostgreSQL's. Those two are the upstream
 * images the parent pom names unless {@code O365_KAFKA_IMAGE} or {@code O365_POSTGRES_IMAGE}
 * (environment, or a system property of the same name) chooses another, e.g. a local one on a
 * machine without a registry.
 */
public final class Images {

  public static final String KAFKA_VARIABLE = "O365_KAFKA_IMAGE";
  public static final String POSTGRES_VARIABLE = "O365_POSTGRES_IMAGE";

  private static final Properties BUILT = load();

  private Images() {}

  /** The project version: the default tag of the connector's images. */
  public static String version() {
    return BUILT.getProperty("version");
  }

  public static String kafka() {
    return configured(KAFKA_VARIABLE).orElseGet(Images::upstreamKafka);
  }

  public static String postgres() {
    return configured(POSTGRES_VARIABLE).orElseGet(Images::upstreamPostgres);
  }

  /** {@code apache/kafka:<the Kafka version the project pins>}. */
  public static String upstreamKafka() {
    return BUILT.getProperty("kafka.image");
  }

  /** {@code postgres:<the project's PostgreSQL major>-alpine}. */
  public static String upstreamPostgres() {
    return BUILT.getProperty("postgres.image");
  }

  private static Optional<String> configured(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      value = System.getProperty(variable);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static Properties load() {
    try (InputStream in = Images.class.getResourceAsStream("images.properties")) {
      if (in == null) {
        throw new IllegalStateException("images.properties is missing from the artifact");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
