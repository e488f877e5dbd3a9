package dev.o365connector.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;

/** Choices shared by the Kafka and PostgreSQL providers: environment first, Docker second. */
public final class Infrastructure {

  private static final Logger LOG = Logger.getLogger(Infrastructure.class);

  private Infrastructure() {}

  /** A non-blank environment variable, or a system property of the same name for tools. */
  public static Optional<String> setting(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * Whether a Docker engine answers. {@code DEVSTACK_DOCKER=false} skips the probe, which is how a
   * machine with a Docker client but a broken engine goes straight to the embedded servers.
   */
  public static boolean dockerAvailable() {
    if (setting("DEVSTACK_DOCKER").map("false"::equalsIgnoreCase).orElse(false)) {
      LOG.info("devstack: DEVSTACK_DOCKER=false, not looking for a Docker engine");
      return false;
    }
    if (!dockerConfigured()) {
      LOG.info("devstack: no Docker engine (no DOCKER_HOST, no Docker socket)");
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      LOG.infof("devstack: Docker engine does not answer (%s)", e.getMessage());
      return false;
    }
  }

  // The cheap test first: Testcontainers' own probe takes seconds and logs an error when it fails.
  private static boolean dockerConfigured() {
    String home = System.getProperty("user.home");
    return setting("DOCKER_HOST").isPresent()
        || Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
        || Files.exists(Path.of(home, ".testcontainers.properties"));
  }

  /** Logs the chosen infrastructure where every build log shows it. */
  public static void announce(String what, String how, String endpoint) {
    LOG.infof("devstack: %s = %s at %s", what, how, endpoint);
  }
}
