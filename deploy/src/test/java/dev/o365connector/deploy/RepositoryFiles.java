package dev.o365connector.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the descriptors under test and the services' configuration live in the repository. */
final class RepositoryFiles {

  /** The services the chart and docker-compose.yml run, by their module directory. */
  static final String AUTH_SERVICE = "auth-service";

  static final String GRAPH_GATEWAY = "graph-gateway";
  static final String SYNC_WORKER = "sync-worker";
  static final String GRAPH_SIMULATOR = "graph-simulator";

  private RepositoryFiles() {}

  /** The repository's root directory (the parent of this module). */
  static Path root() {
    Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("mvnw"))) {
      throw new IllegalStateException("Not the repository root: " + root);
    }
    return root;
  }

  static Path chart() {
    return root().resolve("deploy/helm/o365-connector");
  }

  static Path chartFile(String relative) {
    return chart().resolve(relative);
  }

  static Path composeFile() {
    return root().resolve("docker-compose.yml");
  }

  /** A module's directory, e.g. {@code auth-service}. */
  static Path module(String module) {
    return root().resolve(module);
  }
}
