package dev.o365connector.simulator.control.resource;

import dev.o365connector.simulator.directory.Ids;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reading one operation of a mutation body: a count of random picks, or explicit ids. */
public final class MutationSpec {

  private MutationSpec() {}

  /**
   * The ids an operation names: {@code value} is a number (that many picked from {@code candidates}
   * without repetition, by the seeded sequence), an array of ids, or absent.
   */
  public static List<String> pick(Object value, List<String> candidates, Ids ids) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Number count) {
      List<String> pool = new ArrayList<>(candidates);
      List<String> picked = new ArrayList<>();
      for (int i = 0; i < count.intValue() && !pool.isEmpty(); i++) {
        picked.add(pool.remove(ids.nextInt(pool.size())));
      }
      return picked;
    }
    if (value instanceof JsonArray array) {
      List<String> named = new ArrayList<>();
      for (Object id : array) {
        if (!candidates.contains(String.valueOf(id))) {
          throw new IllegalArgumentException("no such object: " + id);
        }
        named.add(String.valueOf(id));
      }
      return named;
    }
    throw new IllegalArgumentException("expected a number or an array of ids, got " + value);
  }

  /** How many objects to create: a number, or 0 when absent. */
  public static int count(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Number count && count.intValue() >= 0) {
      return count.intValue();
    }
    throw new IllegalArgumentException("create takes a non-negative number, got " + value);
  }

  /**
   * Refuses operations a resource does not support, before anything changes, so that a misspelt or
   * unsupported operation is a 400 rather than silently nothing.
   */
  public static void only(JsonObject spec, List<String> operations) {
    for (String operation : spec.fieldNames()) {
      if (!operations.contains(operation)) {
        throw new IllegalArgumentException(
            "unknown operation " + operation + "; known: " + operations);
      }
    }
  }
}
