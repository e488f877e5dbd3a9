package dev.o365connector.sync.listing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
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
 * of ids kept up to date page by page (the owner directory, the signed-in user): {@link #add},
 * {@link #remove} and {@link #keepOnly} are idempotent and safe when two runs write the same set at
 * once.
 */
@ApplicationScoped
public class ListedObjectStore {

  private static final String WHERE_SCOPE =
      " where installation_id = $1 and resource = $2 and owner = $3 and object_type = $4";
  private static final String ADD_IDS =
      "insert into listed_object (installation_id, resource, owner, object_type, object_id,"
          + " version) select $1, $2, $3, $4, id, '' from unnest($5::varchar[]) as id"
          + " on conflict do nothing";

  private final Pool pool;

  ListedObjectStore(Pool pool) {
    this.pool = pool;
  }

  /** The last stored listing of the scope's objects, by id. */
  public Uni<Map<String, String>> find(ListingScope scope) {
    return pool.preparedQuery("select object_id, version from listed_object" + WHERE_SCOPE)
        .execute(scope.tuple())
        .map(
            rows -> {
              Map<String, String> listed = new HashMap<>();
              rows.forEach(row -> listed.put(row.getString("object_id"), row.getString("version")));
              return listed;
            });
  }

  /** Replaces the stored listing with {@code listed}, in one transaction. */
  public Uni<Void> replace(ListingScope scope, Map<String, String> listed) {
    List<Tuple> rows = new ArrayList<>();
    listed.forEach((id, version) -> rows.add(scope.tuple().addString(id).addString(version)));
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery("delete from listed_object" + WHERE_SCOPE)
                .execute(scope.tuple())
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
  public Uni<Void> add(ListingScope scope, Collection<String> ids) {
    // One statement for the whole page; "do nothing" makes a replayed page (or a second run
    // adding the same ids at the same moment) harmless.
    return ids.isEmpty() ? Uni.createFrom().voidItem() : withIds(pool, ADD_IDS, scope, ids);
  }

  /** Removes {@code ids} from the stored set; ids not there are ignored. */
  public Uni<Void> remove(ListingScope scope, Collection<String> ids) {
    return ids.isEmpty()
        ? Uni.createFrom().voidItem()
        : withIds(
            pool,
            "delete from listed_object" + WHERE_SCOPE + " and object_id = any($5::varchar[])",
            scope,
            ids);
  }

  /** Makes the stored set exactly {@code ids}, in one transaction. */
  public Uni<Void> keepOnly(ListingScope scope, Collection<String> ids) {
    // Not delete-all-then-insert: a second writer of the same set between our delete and insert
    // would make the insert collide. Deleting what is not wanted and adding with "do nothing"
    // cannot.
    return pool.withTransaction(
        connection ->
            withIds(
                    connection,
                    "delete from listed_object"
                        + WHERE_SCOPE
                        + " and object_id <> all($5::varchar[])",
                    scope,
                    ids)
                .flatMap(
                    x ->
                        ids.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : withIds(connection, ADD_IDS, scope, ids)));
  }

  /** Runs {@code statement} with the scope as $1 to $4 and {@code ids} as $5. */
  private static Uni<Void> withIds(
      SqlClient client, String statement, ListingScope scope, Collection<String> ids) {
    return client
        .preparedQuery(statement)
        .execute(scope.tuple().addArrayOfString(ids.toArray(String[]::new)))
        .replaceWithVoid();
  }

  /**
   * One stored listing or set: installation, resource, owner (user, '' when none) and the type of
   * its objects (e.g. {@code calendar}, or {@code owner} for the owner directory's ids).
   */
  public record ListingScope(
      String installationId, String resource, String owner, String objectType) {
    Tuple tuple() {
      return Tuple.of(installationId, resource, owner, objectType);
    }
  }
}
