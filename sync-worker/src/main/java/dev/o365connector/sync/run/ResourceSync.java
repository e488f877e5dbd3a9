package dev.o365connector.sync.run;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.permission.GraphPermissions;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.delta.DeltaRound;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.graph.GraphFailure;
import dev.o365connector.sync.installation.KnownInstallation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One resource of a run: checked against the installation's grants, then each of its delta scopes
 * brought up to date in turn. Never fails: a failure becomes the outcome's error, so the run's
 * other resources continue.
 */
@ApplicationScoped
public class ResourceSync {

  private static final Logger LOG = Logger.getLogger(ResourceSync.class);

  private final ResourcePlan plan;
  private final DeltaRound rounds;
  private final SyncMetrics metrics;

  ResourceSync(ResourcePlan plan, DeltaRound rounds, SyncMetrics metrics) {
    this.plan = plan;
    this.rounds = rounds;
    this.metrics = metrics;
  }

  /** What syncing one resource did, and why it stopped if it did not finish. */
  public record Outcome(Resource resource, RoundCounts counts, SyncError error) {}

  /** Syncs {@code resource}, adding each finished scope's work to {@code counts} as it goes. */
  public Uni<Outcome> sync(
      Resource resource,
      KnownInstallation installation,
      SyncRequest request,
      ChangeScope changes,
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
    return plan.scopes(resource, changes, installation, request)
        .flatMap(
            scopes -> {
              if (scopes.isEmpty()) {
                return Uni.createFrom()
                    .item(
                        new Outcome(
                            resource,
                            counts,
                            new SyncError(
                                "resource-not-supported",
                                "this worker version does not sync " + resource.value() + " yet")));
              }
              return Multi.createFrom()
                  .iterable(scopes.get())
                  .onItem()
                  .transformToUniAndConcatenate(
                      scope ->
                          rounds.run(scope, request.mode() == SyncMode.FULL).invoke(counts::add))
                  .collect()
                  .last()
                  .replaceWith(new Outcome(resource, counts, null))
                  .invoke(() -> metrics.succeeded(resource));
            })
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
