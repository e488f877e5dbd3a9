package dev.o365connector.simulator.batch;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request of a JSON batch ({@code {"id","method","url","headers"?,"body"?,"dependsOn"?}}), and
 * the checks Graph makes on a whole batch before running any of it.
 *
 * @param url relative to {@code /v1.0}, e.g. {@code /users/{id}/messages}
 * @param body the JSON to send, or null
 */
record BatchItem(
    String id,
    String method,
    String url,
    Map<String, String> headers,
    Object body,
    List<String> dependsOn) {

  static final int MAX_REQUESTS = 20;

  /**
   * The requests of the batch {@code payload}, in its order.
   *
   * @throws IllegalArgumentException with Graph's message if the batch is malformed
   */
  static List<BatchItem> parse(JsonObject payload) {
    JsonArray requests = payload == null ? null : payload.getJsonArray("requests");
    if (requests == null) {
      throw new IllegalArgumentException("Invalid batch payload format.");
    }
    if (requests.size() > MAX_REQUESTS) {
      throw new IllegalArgumentException(
          "The number of batch requests exceeds " + MAX_REQUESTS + ".");
    }
    Map<String, BatchItem> items = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      BatchItem item = item(requests.getJsonObject(i));
      if (items.put(item.id, item) != null) {
        throw new IllegalArgumentException(
            "Batch requests must have unique ids; '" + item.id + "' is used twice.");
      }
    }
    Set<String> checked = new HashSet<>();
    items.values().forEach(item -> checkDependencies(item, items, new HashSet<>(), checked));
    return List.copyOf(items.values());
  }

  private static BatchItem item(JsonObject json) {
    if (json == null) {
      throw new IllegalArgumentException("Invalid batch payload format.");
    }
    String id = json.getString("id");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("Every batch request needs an id.");
    }
    String method = json.getString("method");
    String url = json.getString("url");
    if (method == null || url == null) {
      throw new IllegalArgumentException("Batch request '" + id + "' needs a method and a url.");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    json.getJsonObject("headers", new JsonObject())
        .forEach(header -> headers.put(header.getKey(), String.valueOf(header.getValue())));
    List<String> dependsOn = new ArrayList<>();
    json.getJsonArray("dependsOn", new JsonArray()).forEach(d -> dependsOn.add(String.valueOf(d)));
    return new BatchItem(id, method, url, headers, json.getValue("body"), List.copyOf(dependsOn));
  }

  private static void checkDependencies(
      BatchItem item, Map<String, BatchItem> items, Set<String> path, Set<String> checked) {
    if (checked.contains(item.id)) {
      return;
    }
    if (!path.add(item.id)) {
      throw new IllegalArgumentException("The dependsOn of the batch requests form a cycle.");
    }
    for (String dependency : item.dependsOn) {
      BatchItem required = items.get(dependency);
      if (required == null) {
        throw new IllegalArgumentException(
            "Batch request '" + item.id + "' depends on unknown request '" + dependency + "'.");
      }
      checkDependencies(required, items, path, checked);
    }
    path.remove(item.id);
    checked.add(item.id);
  }
}
