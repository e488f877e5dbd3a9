package dev.o365connector.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chart's values as Helm merges them: values.yaml, overlaid by a values file (maps merge key by
 * key, anything else is replaced).
 */
final class ChartValues {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The values key of each component. */
  static final Map<String, String> KEYS =
      Map.of(
          RepositoryFiles.AUTH_SERVICE, "authService",
          RepositoryFiles.GRAPH_GATEWAY, "graphGateway",
          RepositoryFiles.SYNC_WORKER, "syncWorker",
          RepositoryFiles.GRAPH_SIMULATOR, "simulator");

  private final JsonNode values;

  private ChartValues(JsonNode values) {
    this.values = values;
  }

  static ChartValues defaults() {
    return new ChartValues(read(RepositoryFiles.chartFile("values.yaml")));
  }

  /** values.yaml overlaid by a file under the chart directory, e.g. {@code ci/...}. */
  static ChartValues with(String chartRelativePath) {
    ObjectNode merged = (ObjectNode) read(RepositoryFiles.chartFile("values.yaml"));
    merge(merged, read(RepositoryFiles.chartFile(chartRelativePath)));
    return new ChartValues(merged);
  }

  /** A value by its dotted path, e.g. {@code authService.service.port}; missing when absent. */
  JsonNode at(String dottedPath) {
    JsonNode node = values;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  /** {@code <component>.service.port}. */
  int servicePort(String component) {
    return at(KEYS.get(component) + ".service.port").asInt();
  }

  /**
   * Secrets the platform team brings: every non-empty {@code existingSecret}, and the Kafka CA
   * Secret. A reference to one of them is fine although the chart does not render it.
   */
  Set<String> existingSecrets() {
    Set<String> names = new TreeSet<>();
    collectExistingSecrets(values, names);
    String caSecret = at("kafka.tls.caSecret").asText("");
    if (!caSecret.isEmpty()) {
      names.add(caSecret);
    }
    return names;
  }

  private static void collectExistingSecrets(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                if (entry.getKey().equals("existingSecret")
                    && !entry.getValue().asText().isEmpty()) {
                  names.add(entry.getValue().asText());
                }
                collectExistingSecrets(entry.getValue(), names);
              });
    }
  }

  private static void merge(ObjectNode target, JsonNode overlay) {
    overlay
        .properties()
        .forEach(
            entry -> {
              JsonNode existing = target.get(entry.getKey());
              if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
              } else {
                target.set(entry.getKey(), entry.getValue());
              }
            });
  }

  private static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
