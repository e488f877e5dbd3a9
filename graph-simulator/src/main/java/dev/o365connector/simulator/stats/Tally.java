package dev.o365connector.simulator.stats;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A total and counts grouped several ways, e.g. by route and by status. Not thread-safe. */
final class Tally {

  private final List<String> groups;
  private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
  private long total;

  Tally(String... groups) {
    this.groups = List.of(groups);
    reset();
  }

  /** Counts one event; {@code keys} are its key in each group, in order, null for none. */
  void add(String... keys) {
    total++;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        counts.get(groups.get(i)).merge(keys[i], 1L, Long::sum);
      }
    }
  }

  void reset() {
    total = 0;
    groups.forEach(group -> counts.put(group, new TreeMap<>()));
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("total", total);
    counts.forEach((group, byKey) -> json.put(group, new JsonObject(new LinkedHashMap<>(byKey))));
    return json;
  }
}
