package dev.o365connector.recipe;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a Quarkus service reads from its environment, as its {@code application.properties} says for
 * the default (production) profile: keys with a {@code %profile.} prefix are dev and test settings
 * and do not count. Everything that starts a service ({@link ServiceRecipe}, the Helm chart,
 * docker-compose) is checked against it, so a new required variable cannot be forgotten anywhere.
 */
public final class ServiceProperties {

  private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final String service;
  private final TreeMap<String, String> properties = new TreeMap<>();

  private ServiceProperties(String service, Properties all) {
    this.service = service;
    for (String key : all.stringPropertyNames()) {
      if (!key.startsWith("%")) {
        properties.put(key, all.getProperty(key));
      }
    }
  }

  /**
   * The service's module beside {@code moduleParent} (a repository root, or a sibling's {@code
   * ..}).
   */
  public static ServiceProperties of(Path moduleParent, Service service) {
    return of(moduleParent.resolve(service.id()));
  }

  /**
   * The service whose module is {@code module} (its {@code
   * src/main/resources/application.properties}).
   */
  public static ServiceProperties of(Path module) {
    Path file = module.resolve("src/main/resources/application.properties");
    Properties all = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      all.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return new ServiceProperties(module.getFileName().toString(), all);
  }

  /** A production property's value as written (unexpanded); null when absent. */
  public String property(String name) {
    return properties.get(name);
  }

  public String service() {
    return service;
  }

  /**
   * Environment variables the service cannot start without: every {@code ${VAR}} with no default in
   * a production value. A variable that appears only inside another expression's default ({@code
   * ${A:${B}}}) is needed only when the outer one is missing, so it is not required.
   */
  public Set<String> requiredVariables() {
    Set<String> required = new TreeSet<>();
    properties.values().forEach(value -> collectRequired(value, required));
    return required;
  }

  /** Every environment variable a production value mentions, required or with a default. */
  public Set<String> knownVariables() {
    Set<String> known = new TreeSet<>();
    for (String value : properties.values()) {
      int at = 0;
      while ((at = value.indexOf("${", at)) >= 0) {
        int end = at + 2;
        while (end < value.length() && value.charAt(end) != ':' && value.charAt(end) != '}') {
          end++;
        }
        String name = value.substring(at + 2, end);
        if (ENVIRONMENT_VARIABLE.matcher(name).matches()) {
          known.add(name);
        }
        at += 2;
      }
    }
    return known;
  }

  /** {@code quarkus.http.port}. */
  public int httpPort() {
    return Integer.parseInt(properties.get("quarkus.http.port"));
  }

  /** Every topic the Kafka channels name, dead-letter topics included. */
  public Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    properties.forEach(
        (key, value) -> {
          if (key.startsWith("mp.messaging.")
              && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))) {
            topics.add(value.strip());
          }
        });
    return topics;
  }

  /** Scans {@code ${NAME}} and {@code ${NAME:default}} expressions, skipping defaults. */
  private static void collectRequired(String value, Set<String> required) {
    int at = 0;
    while ((at = value.indexOf("${", at)) >= 0) {
      int nameEnd = at + 2;
      while (nameEnd < value.length()
          && value.charAt(nameEnd) != ':'
          && value.charAt(nameEnd) != '}') {
        nameEnd++;
      }
      String name = value.substring(at + 2, nameEnd);
      boolean hasDefault = nameEnd < value.length() && value.charAt(nameEnd) == ':';
      if (!hasDefault && ENVIRONMENT_VARIABLE.matcher(name).matches()) {
        required.add(name);
      }
      at = endOfExpression(value, at);
    }
  }

  /** Index just past the {@code }} that closes the expression starting at {@code start}. */
  private static int endOfExpression(String value, int start) {
    int depth = 0;
    for (int i = start; i < value.length(); i++) {
      if (value.startsWith("${", i)) {
        depth++;
        i++;
      } else if (value.charAt(i) == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return value.length();
  }

  @Override
  public String toString() {
    return service;
  }
}
