package dev.o365connector.sync.cursor;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Forgets where syncs stand (cursors and listings) when there is nothing left to sync. */
@ApplicationScoped
public class SyncStateRemoval {

  private final Pool pool;

  SyncStateRemoval(Pool pool) {
    this.pool = pool;
  }

  /** A user left the tenant: their mailbox, calendar and drive state goes. */
  public Uni<Void> owner(String installationId, String owner) {
    return delete(" where installation_id = $1 and owner = $2", Tuple.of(installationId, owner));
  }

  /** An installation was uninstalled: all its state goes. */
  public Uni<Void> installation(String installationId) {
    return delete(" where installation_id = $1", Tuple.of(installationId));
  }

  private Uni<Void> delete(String where, Tuple arguments) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery("delete from sync_cursor" + where)
                .execute(arguments)
                .flatMap(
                    x ->
                        connection
                            .preparedQuery("delete from listed_object" + where)
                            .execute(arguments))
                .replaceWithVoid());
  }
}
