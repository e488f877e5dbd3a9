package dev.o365connector.sync.installation;

import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.runtime.installation.InstallationEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the worker's copy of every installation from {@code o365.installations} (read from the
 * beginning by the whole worker group), so runs know the installation's tenant, type and grants
 * without asking auth-service ({@code known.KnownInstallations} reads it). Events are at least once
 * and may repeat: an older one never overwrites a newer state.
 */
@ApplicationScoped
public class InstallationDirectory {

  private static final Logger LOG = Logger.getLogger(InstallationDirectory.class);

  private final Pool pool;
  private final InstallationEvents events;
  private final InstallationLifecycle lifecycle;

  InstallationDirectory(Pool pool, InstallationEvents events, InstallationLifecycle lifecycle) {
    this.pool = pool;
    this.events = events;
    this.lifecycle = lifecycle;
  }

  @Incoming("installations")
  public Uni<Void> consume(byte[] payload) {
    return events.read(payload).map(this::store).orElseGet(() -> Uni.createFrom().voidItem());
  }

  private Uni<Void> store(InstallationEvent event) {
    return pool.preparedQuery(
            "insert into installation (id, tenant_id, type, status, granted_permissions, occurred_at,"
                + " user_id) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do update set"
                + " tenant_id = excluded.tenant_id, type = excluded.type, status = excluded.status,"
                + " granted_permissions = excluded.granted_permissions,"
                + " occurred_at = excluded.occurred_at, user_id = excluded.user_id"
                + " where installation.occurred_at <= excluded.occurred_at returning id")
        .execute(
            Tuple.tuple()
                .addString(event.installationId())
                .addString(event.tenantId())
                .addString(event.type().name())
                .addString(event.status().name())
                .addValue(
                    new JsonArray(
                        event.grantedPermissions() == null
                            ? List.of()
                            : event.grantedPermissions()))
                .addOffsetDateTime(OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .addString(event.userId()))
        .flatMap(
            rows ->
                rows.rowCount() == 0
                    ? Uni.createFrom().voidItem() // older than what we know: nothing to do
                    : lifecycle.changed(event))
        // A valid event that cannot be stored now (the database restarting) is retried, never
        // dropped and never a reason to stop reading the topic.
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "Storing installation event of %s failed, retrying: %s",
                    event.installationId(), e.getMessage()))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
        .indefinitely();
  }
}
