package dev.o365connector.sync.cursor;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an owner's listing (objects Graph has no delta for: calendars, calendar groups) held last
 * time, as object id → version, so the next listing diffs into UPSERTs and DELETEs.
 */
@ApplicationScoped
public class ListedObjectStore {

  private final Pool pool;

  ListedObjectStore(Pool pool) {
    this.pool = pool;
  }

  /** The last stored listing of {@code objectType} objects, by id. */
  public Uni<Map<String, String>> find(
      String installationId, String resource, String owner, String objectType) {
    return pool.preparedQuery(
            "select object_id, version from listed_object where installation_id = $1"
                + " and resource = $2 and owner = $3 and object_type = $4")
        .execute(Tuple.of(installationId, resource, owner, objectType))
        .map(
            rows -> {
              Map<String, String> listed = new HashMap<>();
              rows.forEach(row -> listed.put(row.getString("object_id"), row.getString("version")));
              return listed;
            });
  }

  /** Replaces the stored listing with {@code listed}, in one transaction. */
  public Uni<Void> replace(
      String installationId,
      String resource,
      String owner,
      String objectType,
      Map<String, String> listed) {
    List<Tuple> rows = new ArrayList<>();
    listed.forEach(
        (id, version) ->
            rows.add(Tuple.of(installationId, resource, owner, objectType, id, version)));
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "delete from listed_object where installation_id = $1 and resource = $2"
                        + " and owner = $3 and object_type = $4")
                .execute(Tuple.of(installationId, resource, owner, objectType))
                .flatMap(
                    x ->
                        rows.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : connection
                                .preparedQuery(
                                    "insert into listed_object (installation_id, resource, owner,"
                                        + " object_type, object_id, version)"
                                        + " values ($1, $2, $3, $4, $5, $6)")
                                .executeBatch(rows)
                                .replaceWithVoid()));
  }
}
