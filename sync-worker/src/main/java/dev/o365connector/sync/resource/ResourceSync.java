package dev.o365connector.sync.resource;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.permission.GraphPermissions;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.config.SyncConfig;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.graph.GraphFailure;
import dev.o365connector.sync.installation.known.KnownInstallation;
import dev.o365connector.sync.metrics.SyncMetrics;
import dev.o365connector.sync.owner.RunOwners;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One resource of a run: checked against the installation's grants, then its units (the tenant's
 * users; each owner's mailbox, calendar or drive) brought up to date, {@code ownersInParallel} at a
 * time. A failing unit fails the resource; the others in flight finish. Never fails: a failure
 * becomes the outcome's error, so the run's other resources continue.
 */
@ApplicationScoped
public class ResourceSync {

  private static final Logger LOG = Logger.getLogger(ResourceSync.class);

  private final ResourcePlan plan;
  private final SyncMetrics metrics;
  private final SyncConfig config;

  ResourceSync(ResourcePlan plan, SyncMetrics metrics, SyncConfig config) {
    this.plan = plan;
    this.metrics = metrics;
    this.config = config;
  }

  /** What syncing one resource did, and why it stopped if it did not finish. */
  public record Outcome(Resource resource, RoundCounts counts, SyncError error) {}

  /**
   * Syncs {@code resource}, adding each finished scope's work to {@code counts} as it goes; {@code
   * owners} are the run's, shared with its other resources.
   */
  public Uni<Outcome> sync(
      Resource resource,
      KnownInstallation installation,
      SyncRequest request,
      ChangeScope changes,
      RunOwners owners,
      RoundCounts counts) {
    if (!GraphPermissions.readable(installation.grantedPermissions(), installation.type())
        .contains(resource)) {
      return Uni.createFrom()
          .item(
              new Outcome(
                  resource,
                  counts,
                  new SyncError(
                      "permission-missing",
                      "needs " + GraphPermissions.required(resource, installation.type()))));
    }
    boolean full = request.mode() == SyncMode.FULL;
    return plan.units(resource, changes, request, owners, counts)
        .flatMap(
            units ->
                Multi.createFrom()
                    .iterable(units)
                    .onItem()
                    .transformToUni(unit -> unit.sync(full, counts))
                    .merge(config.ownersInParallel())
                    .collect()
                    .last()
                    .replaceWith(new Outcome(resource, counts, null))
                    .invoke(() -> metrics.succeeded(resource)))
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.warnf("Sync of %s failed: %s", resource.value(), e.getMessage());
              String code = e instanceof GraphFailure failure ? failure.code() : "sync-failed";
              return new Outcome(
                  resource, counts, new SyncError(code, String.valueOf(e.getMessage())));
            });
  }
}
