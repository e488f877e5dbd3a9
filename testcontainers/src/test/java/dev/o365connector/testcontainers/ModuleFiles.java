package dev.o365connector.testcontainers;

import dev.o365connector.recipe.ServiceProperties;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service's module next to this one, as the tests read it: its {@code application.properties} and
 * its directory (Dockerfile, build output). Surefire runs in this module's directory.
 */
final class ModuleFiles {

  private final Path directory;

  private ModuleFiles(Path directory) {
    this.directory = directory;
  }

  static ModuleFiles of(ConnectorService service) {
    Path directory = Path.of("..", service.alias()).toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("no module " + service.alias() + " at " + directory);
    }
    return new ModuleFiles(directory);
  }

  Path directory() {
    return directory;
  }

  Path resolve(String relative) {
    return directory.resolve(relative);
  }

  /** What its {@code application.properties} says for production. */
  ServiceProperties properties() {
    return ServiceProperties.of(directory);
  }
}
