package dev.o365connector.stack.infrastructure;

import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;

/**
 * Choices shared by the Kafka and PostgreSQL providers. A server the environment names comes first;
 * otherwise {@code DEVSTACK_INFRASTRUCTURE} decides: {@code embedded} (the default, needs only a
 * JDK) or {@code containers} (Testcontainers, which then must find a container engine). A container
 * engine on the machine changes nothing by itself. The containers' images are the recipe's ({@link
 * dev.o365connector.recipe.Images}).
 */
public final class Infrastructure {

  private static final Logger LOG = Logger.getLogger(Infrastructure.class);

  /** The variable that chooses between embedded servers and containers. */
  public static final String CHOICE = "DEVSTACK_INFRASTRUCTURE";

  /** Where the servers come from when the environment names none. */
  public enum Kind {
    EMBEDDED,
    CONTAINERS
  }

  private Infrastructure() {}

  /** A non-blank environment variable, or a system property of the same name for tools. */
  public static Optional<String> setting(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** {@code DEVSTACK_INFRASTRUCTURE}, {@code embedded} when unset; anything else is refused. */
  public static Kind kind() {
    String value = setting(CHOICE).orElse("embedded");
    try {
      return Kind.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          CHOICE + "=" + value + " is not a choice: embedded (the default) or containers", e);
    }
  }

  /**
   * Requires the container engine that {@code DEVSTACK_INFRASTRUCTURE=containers} asked for, with a
   * message that says what to do when none answers.
   */
  public static void requireContainerEngine() {
    boolean available;
    try {
      available = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      available = false;
    }
    if (!available) {
      throw new IllegalStateException(
          CHOICE
              + "=containers, but no container engine answers (DOCKER_HOST="
              + setting("DOCKER_HOST").orElse("unset")
              + "): start one, or on a machine without Docker run ./containers provision and"
              + " eval \"$(./containers env)\"; or unset "
              + CHOICE
              + " for the embedded servers");
    }
  }

  /** Logs the chosen infrastructure where every build log shows it. */
  public static void announce(String what, String how, String endpoint) {
    LOG.infof("devstack: %s = %s at %s", what, how, endpoint);
  }
}
