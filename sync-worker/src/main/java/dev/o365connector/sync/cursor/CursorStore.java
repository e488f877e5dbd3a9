package dev.o365connector.sync.cursor;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The stored position of each delta scope; written only after a page's events were acked. */
@ApplicationScoped
public class CursorStore {

  private static final String INSERT =
      "insert into sync_cursor (installation_id, resource, owner, container, link, complete,"
          + " updated_at, request_id, start_url) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

  private final Pool pool;
  private final Clock clock;

  CursorStore(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Uni<Optional<Cursor>> find(CursorScope scope) {
    return pool.preparedQuery(
            "select link, complete, request_id, start_url from sync_cursor where installation_id = $1 and resource = $2"
                + " and owner = $3 and container = $4")
        .execute(scope.tuple())
        .map(
            rows ->
                rows.rowCount() == 0
                    ? Optional.empty()
                    : Optional.of(cursor(rows.iterator().next())));
  }

  public Uni<Void> save(CursorScope scope, Cursor cursor) {
    return pool.preparedQuery(
            INSERT
                + " on conflict (installation_id, resource, owner, container)"
                + " do update set link = excluded.link, complete = excluded.complete,"
                + " updated_at = excluded.updated_at, request_id = excluded.request_id,"
                + " start_url = excluded.start_url")
        .execute(values(scope, cursor))
        .replaceWithVoid();
  }

  /**
   * Stores {@code cursor} unless the scope has one: how a newly seen container (a mail folder)
   * joins the scopes the next rounds visit, without resetting one already under way.
   */
  public Uni<Void> ensure(CursorScope scope, Cursor cursor) {
    return pool.preparedQuery(
            INSERT + " on conflict (installation_id, resource, owner, container) do nothing")
        .execute(values(scope, cursor))
        .replaceWithVoid();
  }

  /** The containers (e.g. mail folders) the owner's resource has cursors for, '' excluded. */
  public Uni<List<String>> containers(String installationId, String resource, String owner) {
    return pool.preparedQuery(
            "select container from sync_cursor where installation_id = $1 and resource = $2"
                + " and owner = $3 and container <> '' order by container")
        .execute(Tuple.of(installationId, resource, owner))
        .map(rows -> rows.stream().map(row -> row.getString("container")).toList());
  }

  private Tuple values(CursorScope scope, Cursor cursor) {
    return scope
        .tuple()
        .addString(cursor.link())
        .addBoolean(cursor.complete())
        .addOffsetDateTime(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .addString(cursor.requestId())
        .addString(cursor.startUrl());
  }

  public Uni<Void> delete(CursorScope scope) {
    return pool.preparedQuery(
            "delete from sync_cursor where installation_id = $1 and resource = $2"
                + " and owner = $3 and container = $4")
        .execute(scope.tuple())
        .replaceWithVoid();
  }

  private static Cursor cursor(Row row) {
    return new Cursor(
        row.getString("link"),
        row.getBoolean("complete"),
        row.getString("request_id"),
        row.getString("start_url"));
  }

  /**
   * A stored link, whether it ends a round (a deltaLink) or continues one (a nextLink), the run
   * that stored it, and the URL its round started from (null for cursors older than that column).
   */
  public record Cursor(String link, boolean complete, String requestId, String startUrl) {}

  /** One delta scope: installation, resource, owner (user) and container (folder), '' when none. */
  public record CursorScope(
      String installationId, String resource, String owner, String container) {
    Tuple tuple() {
      return Tuple.of(
          installationId, resource, owner == null ? "" : owner, container == null ? "" : container);
    }
  }
}
