package dev.o365connector.sync.installation.known;

import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Reads the worker's copy of the installations ({@code installation}, written by {@code
 * installation.InstallationDirectory} from {@code o365.installations}): what requests are checked
 * against and runs are executed for. Apart from the writer, so the features reading it (requests,
 * runs, owners) never depend on what an installation event sets off.
 */
@ApplicationScoped
public class KnownInstallations {

  private final Pool pool;

  KnownInstallations(Pool pool) {
    this.pool = pool;
  }

  /** The installation, if an event about it arrived. */
  public Uni<Optional<KnownInstallation>> find(String installationId) {
    return pool.preparedQuery(
            "select id, tenant_id, type, status, granted_permissions, user_id from installation"
                + " where id = $1")
        .execute(Tuple.of(installationId))
        .map(
            rows ->
                rows.rowCount() == 0 ? Optional.empty() : Optional.of(of(rows.iterator().next())));
  }

  private static KnownInstallation of(Row row) {
    JsonArray granted = (JsonArray) row.getValue("granted_permissions");
    return new KnownInstallation(
        row.getString("id"),
        row.getString("tenant_id"),
        InstallationType.valueOf(row.getString("type")),
        InstallationStatus.valueOf(row.getString("status")),
        granted.stream().map(String::valueOf).toList(),
        row.getString("user_id"));
  }
}
