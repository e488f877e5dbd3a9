package dev.o365connector.sync.installation;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.permission.GraphPermissions;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import dev.o365connector.sync.config.SyncConfig;
import dev.o365connector.sync.cursor.SyncStateRemoval;
import dev.o365connector.sync.owner.SignedInUser;
import dev.o365connector.sync.run.SyncRunService;
import dev.o365connector.sync.status.RunRef;
import dev.o365connector.sync.status.StatusPublisher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What an installation's status change means for its syncs: ACTIVE starts an initial FULL sync of
 * what it may read (the request id is derived from the event, so a redelivered event starts nothing
 * new); REAUTH_REQUIRED, FAILED and UNINSTALLED end its open runs; UNINSTALLED also drops its
 * cursors, so a later re-install starts from scratch. A DELEGATED installation's ACTIVE is a
 * sign-in, perhaps of someone else: the remembered signed-in user is forgotten.
 */
@ApplicationScoped
public class InstallationLifecycle {

  private final Pool pool;
  private final SyncRunService runs;
  private final StatusPublisher status;
  private final ContractValidator validator;
  private final SyncConfig config;
  private final SyncStateRemoval state;
  private final SignedInUser signedIn;

  InstallationLifecycle(
      Pool pool,
      SyncRunService runs,
      StatusPublisher status,
      ContractValidator validator,
      SyncConfig config,
      SyncStateRemoval state,
      SignedInUser signedIn) {
    this.pool = pool;
    this.runs = runs;
    this.status = status;
    this.validator = validator;
    this.config = config;
    this.state = state;
    this.signedIn = signedIn;
  }

  Uni<Void> changed(InstallationEvent event) {
    return switch (event.status()) {
      case ACTIVE ->
          forgetSignedIn(event)
              .flatMap(
                  x -> config.initialSync() ? initialSync(event) : Uni.createFrom().voidItem());
      case UNINSTALLED -> endRuns(event).flatMap(x -> state.installation(event.installationId()));
      case REAUTH_REQUIRED, FAILED -> endRuns(event);
      case PENDING -> Uni.createFrom().voidItem();
    };
  }

  private Uni<Void> forgetSignedIn(InstallationEvent event) {
    return event.type() == InstallationType.DELEGATED
        ? signedIn.forget(event.installationId())
        : Uni.createFrom().voidItem();
  }

  private Uni<Void> initialSync(InstallationEvent event) {
    Set<Resource> resources = EnumSet.noneOf(Resource.class);
    resources.addAll(GraphPermissions.readable(event.grantedPermissions(), event.type()));
    if (resources.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    SyncRequest request =
        new SyncRequest(
            "installation-" + event.installationId() + "-" + event.occurredAt().toEpochMilli(),
            event.installationId(),
            resources,
            SyncMode.FULL,
            null,
            null);
    String json =
        new String(
            validator.writeValid(ContractSchema.SYNC_REQUEST, request), StandardCharsets.UTF_8);
    return runs.accept(request, json)
        .flatMap(
            created ->
                created.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : status.accepted(request, created.get().acceptedAt));
  }

  /** Open runs end FAILED; a replica still working on one can no longer finish it. */
  private Uni<Void> endRuns(InstallationEvent event) {
    String code = "installation-" + event.status().name().toLowerCase().replace('_', '-');
    String message = "the installation became " + event.status();
    return pool.preparedQuery(
            "update sync_run set state = 'FAILED', error_code = $2, error_message = $3,"
                + " lease_owner = null, lease_expires_at = null, finished_at = now(), updated_at = now(),"
                + " version = version + 1"
                + " where installation_id = $1 and state in ('ACCEPTED', 'RUNNING')"
                + " returning request_id, accepted_at, started_at")
        .execute(Tuple.of(event.installationId(), code, message))
        .flatMap(
            rows ->
                Multi.createFrom()
                    .iterable(rows)
                    .onItem()
                    .transformToUniAndConcatenate(row -> announce(event, row, code, message))
                    .collect()
                    .last()
                    .replaceWithVoid());
  }

  private Uni<Void> announce(InstallationEvent event, Row row, String code, String message) {
    return status.ended(
        new RunRef(
            row.getString("request_id"),
            event.installationId(),
            row.getOffsetDateTime("accepted_at").toInstant(),
            row.getOffsetDateTime("started_at") == null
                ? null
                : row.getOffsetDateTime("started_at").toInstant()),
        Map.of(),
        false,
        new SyncError(code, message));
  }
}
