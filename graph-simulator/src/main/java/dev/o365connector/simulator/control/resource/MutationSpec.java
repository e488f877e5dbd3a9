package dev.o365connector.simulator.control.resource;

import dev.o365connector.simulator.directory.Ids;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;

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

  /**
   * Applies {@code change} to each object {@code value} names (see {@link #pick}), in turn; returns
   * their ids.
   */
  public static JsonArray each(
      Object value, List<String> candidates, Ids ids, Consumer<String> change) {
    JsonArray changed = new JsonArray();
    for (String id : pick(value, candidates, ids)) {
      change.accept(id);
      changed.add(id);
    }
    return changed;
  }

  /**
   * Deletes each object {@code value} names with everything below it: {@code delete} returns the
   * ids it deleted, none for an object already gone with one picked before it; returns them all.
   */
  public static JsonArray eachTree(
      Object value, List<String> candidates, Ids ids, Function<String, List<String>> delete) {
    JsonArray deleted = new JsonArray();
    for (String id : pick(value, candidates, ids)) {
      delete.apply(id).forEach(deleted::add);
    }
    return deleted;
  }

  /**
   * Makes the objects {@code create} asks for (see {@link #count}), each in a container picked from
   * {@code containers} by the seeded sequence, none when there is no container; {@code make}
   * returns the new object's id. Returns those ids.
   */
  public static <C> JsonArray create(
      Object value, List<C> containers, Ids ids, Function<C, String> make) {
    int count = count(value);
    JsonArray created = new JsonArray();
    for (int i = 0; i < count && !containers.isEmpty(); i++) {
      created.add(make.apply(containers.get(ids.nextInt(containers.size()))));
    }
    return created;
  }

  /** An object to move, and the id of the container it goes to. */
  public record Move(String id, String to) {}

  /**
   * The moves {@code value} names: a number (that many objects of {@code owners}, picked as by
   * {@link #pick}), an array of ids (each to a random container) or of {@code {"id","to"}} objects.
   * An unknown id is an error naming the kind of object, {@code what}.
   *
   * @param explicitTo the container an explicit {@code to} names, checked or as given
   * @param randomTo a random container for the object, none if it has nowhere to go
   */
  public static List<Move> moves(
      Object value,
      Map<String, ?> owners,
      Ids ids,
      String what,
      BinaryOperator<String> explicitTo,
      Function<String, Optional<String>> randomTo) {
    List<Move> moves = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        String id =
            item instanceof JsonObject explicit ? explicit.getString("id") : String.valueOf(item);
        if (!owners.containsKey(id)) {
          throw new IllegalArgumentException("no such " + what + ": " + id);
        }
        if (item instanceof JsonObject explicit) {
          moves.add(new Move(id, explicitTo.apply(id, explicit.getString("to"))));
        } else {
          randomTo.apply(id).ifPresent(to -> moves.add(new Move(id, to)));
        }
      }
      return moves;
    }
    for (String id : pick(value, new ArrayList<>(owners.keySet()), ids)) {
      randomTo.apply(id).ifPresent(to -> moves.add(new Move(id, to)));
    }
    return moves;
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
