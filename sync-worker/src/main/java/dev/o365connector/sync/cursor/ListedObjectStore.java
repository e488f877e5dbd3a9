package dev.o365connector.sync.cursor;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an owner's listing (objects Graph has no delta for: calendars, calendar groups) held last
 * time, as object id → version, so the next listing diffs into UPSERTs and DELETEs. Also plain sets
 * of ids kept up to date page by page (the owner directory): {@link #add}, {@link #remove} and
 * {@link #keepOnly} are idempotent and safe when two runs write the same set at once.
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

  /** Adds {@code ids} (versionless) to the stored set; ids already there stay as they are. */
  public Uni<Void> add(
      String installationId,
      String resource,
      String owner,
      String objectType,
      Collection<String> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    // One statement for the whole page; "do nothing" makes a replayed page (or a second run
    // adding the same ids at the same moment) harmless.
    return pool.preparedQuery(
            "insert into listed_object (installation_id, resource, owner, object_type, object_id,"
                + " version) select $1, $2, $3, $4, id, '' from unnest($5::varchar[]) as id"
                + " on conflict do nothing")
        .execute(key(installationId, resource, owner, objectType).addArrayOfString(array(ids)))
        .replaceWithVoid();
  }

  /** Removes {@code ids} from the stored set; ids not there are ignored. */
  public Uni<Void> remove(
      String installationId,
      String resource,
      String owner,
      String objectType,
      Collection<String> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return pool.preparedQuery(
            "delete from listed_object where installation_id = $1 and resource = $2"
                + " and owner = $3 and object_type = $4 and object_id = any($5::varchar[])")
        .execute(key(installationId, resource, owner, objectType).addArrayOfString(array(ids)))
        .replaceWithVoid();
  }

  /** Makes the stored set exactly {@code ids}, in one transaction. */
  public Uni<Void> keepOnly(
      String installationId,
      String resource,
      String owner,
      String objectType,
      Collection<String> ids) {
    // Not delete-all-then-insert: a second writer of the same set between our delete and insert
    // would make the insert collide. Deleting what is not wanted and adding with "do nothing"
    // cannot.
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(
                    "delete from listed_object where installation_id = $1 and resource = $2"
                        + " and owner = $3 and object_type = $4"
                        + " and object_id <> all($5::varchar[])")
                .execute(
                    key(installationId, resource, owner, objectType).addArrayOfString(array(ids)))
                .flatMap(
                    x ->
                        ids.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : connection
                                .preparedQuery(
                                    "insert into listed_object (installation_id, resource, owner,"
                                        + " object_type, object_id, version)"
                                        + " select $1, $2, $3, $4, id, ''"
                                        + " from unnest($5::varchar[]) as id on conflict do nothing")
                                .execute(
                                    key(installationId, resource, owner, objectType)
                                        .addArrayOfString(array(ids)))
                                .replaceWithVoid()));
  }

  private static Tuple key(
      String installationId, String resource, String owner, String objectType) {
    return Tuple.of(installationId, resource, owner, objectType);
  }

  private static String[] array(Collection<String> ids) {
    return ids.toArray(String[]::new);
  }
}
