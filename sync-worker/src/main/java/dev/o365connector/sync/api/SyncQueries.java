package dev.o365connector.sync.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What operators may read about runs and cursors; never a link or a token. */
@ApplicationScoped
public class SyncQueries {

  private static final String RUN_COLUMNS =
      "request_id, installation_id, mode, state, counts, error_code, error_message,"
          + " accepted_at, started_at, finished_at";

  private final Pool pool;

  SyncQueries(Pool pool) {
    this.pool = pool;
  }

  public Uni<Optional<JsonObject>> run(String requestId) {
    return pool.preparedQuery("select " + RUN_COLUMNS + " from sync_run where request_id = $1")
        .execute(Tuple.of(requestId))
        .map(
            rows ->
                rows.rowCount() == 0 ? Optional.empty() : Optional.of(run(rows.iterator().next())));
  }

  /** The installation's cursors and latest runs; empty when the worker knows nothing of it. */
  public Uni<Optional<JsonObject>> syncState(String installationId) {
    Uni<RowSet<Row>> known =
        pool.preparedQuery("select status from installation where id = $1")
            .execute(Tuple.of(installationId));
    Uni<RowSet<Row>> cursors =
        pool.preparedQuery(
                "select resource, owner, container, complete, updated_at from sync_cursor"
                    + " where installation_id = $1 order by resource, owner, container")
            .execute(Tuple.of(installationId));
    Uni<RowSet<Row>> runs =
        pool.preparedQuery(
                "select "
                    + RUN_COLUMNS
                    + " from sync_run where installation_id = $1"
                    + " order by accepted_at desc limit 10")
            .execute(Tuple.of(installationId));
    return Uni.combine()
        .all()
        .unis(known, cursors, runs)
        .asTuple()
        .map(
            all -> {
              if (all.getItem1().rowCount() == 0 && all.getItem3().rowCount() == 0) {
                return Optional.empty();
              }
              List<JsonObject> cursorList = new ArrayList<>();
              for (Row row : all.getItem2()) {
                cursorList.add(
                    new JsonObject()
                        .put("resource", row.getString("resource"))
                        .put("owner", emptyToNull(row.getString("owner")))
                        .put("container", emptyToNull(row.getString("container")))
                        .put("roundComplete", row.getBoolean("complete"))
                        .put(
                            "updatedAt",
                            row.getOffsetDateTime("updated_at").toInstant().toString()));
              }
              List<JsonObject> runList = new ArrayList<>();
              all.getItem3().forEach(row -> runList.add(run(row)));
              String status =
                  all.getItem1().rowCount() == 0
                      ? null
                      : all.getItem1().iterator().next().getString("status");
              return Optional.of(
                  new JsonObject()
                      .put("installationId", installationId)
                      .put("installationStatus", status)
                      .put("cursors", cursorList)
                      .put("latestRuns", runList));
            });
  }

  private static JsonObject run(Row row) {
    JsonObject run =
        new JsonObject()
            .put("requestId", row.getString("request_id"))
            .put("installationId", row.getString("installation_id"))
            .put("mode", row.getString("mode"))
            .put("state", row.getString("state"))
            .put("counts", row.getValue("counts"))
            .put("acceptedAt", instant(row, "accepted_at"))
            .put("startedAt", instant(row, "started_at"))
            .put("finishedAt", instant(row, "finished_at"));
    if (row.getString("error_code") != null) {
      run.put(
          "error",
          new JsonObject()
              .put("code", row.getString("error_code"))
              .put("message", row.getString("error_message")));
    }
    return run;
  }

  private static String instant(Row row, String column) {
    return row.getOffsetDateTime(column) == null
        ? null
        : row.getOffsetDateTime(column).toInstant().toString();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
