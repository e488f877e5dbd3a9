package dev.o365connector.testcontainers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's module next to this one, as the tests read it: its {@code application.properties} and
 * its directory (Dockerfile, build output). Surefire runs in this module's directory.
 */
final class ModuleFiles {

  /** {@code ${VAR}} with no default: an environment variable the service cannot start without. */
  private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

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

  /**
   * Variables the production (default) profile requires: {@code %profile.} lines are the dev and
   * test profiles' own and do not count.
   */
  Set<String> requiredVariables() {
    Set<String> variables = new LinkedHashSet<>();
    for (String line : propertyLines()) {
      if (line.startsWith("%")) {
        continue;
      }
      Matcher matcher = REQUIRED_VARIABLE.matcher(line);
      while (matcher.find()) {
        variables.add(matcher.group(1));
      }
    }
    return variables;
  }

  /** A property's value as written (unexpanded); null when absent. */
  String property(String name) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(propertiesFile())) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty(name);
  }

  private Path propertiesFile() {
    return directory.resolve("src/main/resources/application.properties");
  }

  private List<String> propertyLines() {
    try {
      return Files.readAllLines(propertiesFile()).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
