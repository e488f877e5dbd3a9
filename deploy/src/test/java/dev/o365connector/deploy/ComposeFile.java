package dev.o365connector.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as the Compose specification reads it, for the parts the tests look at, with
 * {@code ${VARIABLE:-default}} read as Compose reads it where the variable is unset.
 */
final class ComposeFile {

  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");

  private final JsonNode root;
  private final JsonNode services;
  private final Map<String, String> variables;

  private ComposeFile(JsonNode root, Map<String, String> variables) {
    this.root = root;
    this.services = root.path("services");
    this.variables = variables;
  }

  static ComposeFile read() {
    Path file = RepositoryFiles.composeFile();
    try {
      String text = Files.readString(file);
      Map<String, String> variables = new TreeMap<>();
      Matcher defaulted = DEFAULTED.matcher(text);
      while (defaulted.find()) {
        variables.put(defaulted.group(1), defaulted.group(2));
      }
      String unset = DEFAULTED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
      return new ComposeFile(new ObjectMapper(new YAMLFactory()).readTree(unset), variables);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The variables the file reads, each with its default. */
  Map<String, String> variables() {
    return variables;
  }

  /** Top-level keys besides {@code services}, e.g. {@code name}. */
  Set<String> topLevelKeys() {
    Set<String> keys = new TreeSet<>();
    root.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  Set<String> serviceNames() {
    Set<String> names = new TreeSet<>();
    services.fieldNames().forEachRemaining(names::add);
    return names;
  }

  ComposeService service(String name) {
    JsonNode service = services.path(name);
    if (service.isMissingNode()) {
      throw new AssertionError("docker-compose.yml has no service " + name);
    }
    return new ComposeService(name, service);
  }

  /** One entry under {@code services:}. */
  record ComposeService(String name, JsonNode node) {

    String image() {
      return node.path("image").asText("");
    }

    /** {@code build.args}. */
    Map<String, String> buildArgs() {
      Map<String, String> args = new LinkedHashMap<>();
      node.path("build")
          .path("args")
          .properties()
          .forEach(e -> args.put(e.getKey(), e.getValue().asText()));
      return args;
    }

    /** {@code build.context} and {@code build.dockerfile}; empty strings when not built. */
    List<String> build() {
      return List.of(
          node.path("build").path("context").asText(""),
          node.path("build").path("dockerfile").asText(""));
    }

    /** {@code environment:} in map or {@code KEY=value} list form. */
    Map<String, String> environment() {
      Map<String, String> environment = new LinkedHashMap<>();
      JsonNode node = this.node.path("environment");
      if (node.isObject()) {
        node.properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
      } else if (node.isArray()) {
        node.forEach(
            entry -> {
              String[] pair = entry.asText().split("=", 2);
              environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
      }
      return environment;
    }

    /** Published ports as written ({@code "8081:8081"}). */
    List<String> ports() {
      List<String> ports = new ArrayList<>();
      node.path("ports").forEach(port -> ports.add(port.asText()));
      return ports;
    }

    /** {@code depends_on}: each dependency with its condition ({@code service_started} if none). */
    Map<String, String> dependsOn() {
      Map<String, String> dependencies = new LinkedHashMap<>();
      JsonNode node = this.node.path("depends_on");
      if (node.isArray()) {
        node.forEach(name -> dependencies.put(name.asText(), "service_started"));
      } else {
        node.properties()
            .forEach(
                e ->
                    dependencies.put(
                        e.getKey(), e.getValue().path("condition").asText("service_started")));
      }
      return dependencies;
    }

    /** The healthcheck's test as written: its form ({@code CMD-SHELL}, {@code CMD}) first. */
    List<String> healthcheckTest() {
      List<String> parts = new ArrayList<>();
      node.path("healthcheck").path("test").forEach(part -> parts.add(part.asText()));
      return parts;
    }

    /** The healthcheck's test as one string; empty when there is none. */
    String healthcheck() {
      JsonNode test = node.path("healthcheck").path("test");
      if (test.isArray()) {
        List<String> parts = new ArrayList<>();
        test.forEach(part -> parts.add(part.asText()));
        return String.join(" ", parts);
      }
      return test.asText("");
    }

    /** {@code command} as one string (a list's items joined by newlines). */
    String command() {
      JsonNode command = node.path("command");
      if (command.isArray()) {
        List<String> parts = new ArrayList<>();
        command.forEach(part -> parts.add(part.asText()));
        return String.join("\n", parts);
      }
      return command.asText("");
    }
  }
}
