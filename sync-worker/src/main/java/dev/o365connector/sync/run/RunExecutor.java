package dev.o365connector.sync.run;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.permission.GraphPermissions;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.installation.known.KnownInstallation;
import dev.o365connector.sync.installation.known.KnownInstallations;
import dev.o365connector.sync.owner.Owners;
import dev.o365connector.sync.owner.RunOwners;
import dev.o365connector.sync.resource.ResourceSync;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Executes a claimed run, its lease kept the while ({@link LeaseKeeper}): an installation that is
 * no longer ACTIVE fails it; otherwise each requested resource is synced in turn ({@link
 * ResourceSync}), reported RUNNING as it goes ({@link ProgressReporter}), and a resource that fails
 * (a gateway 403, a Graph error) is reported while the others continue. The outcomes end the run
 * ({@link RunResult}, {@link RunEnding}).
 */
@ApplicationScoped
class RunExecutor {

  private static final Logger LOG = Logger.getLogger(RunExecutor.class);

  private final KnownInstallations installations;
  private final Owners owners;
  private final ResourceSync resources;
  private final LeaseKeeper lease;
  private final ProgressReporter progress;
  private final RunEnding ending;

  RunExecutor(
      KnownInstallations installations,
      Owners owners,
      ResourceSync resources,
      LeaseKeeper lease,
      ProgressReporter progress,
      RunEnding ending) {
    this.installations = installations;
    this.owners = owners;
    this.resources = resources;
    this.lease = lease;
    this.progress = progress;
    this.ending = ending;
  }

  Uni<Void> execute(ClaimedRun run) {
    SyncRequest request = run.request();
    LOG.infof("Claimed run %s of installation %s", request.requestId(), request.installationId());
    return lease.renewedDuring(
        request.requestId(),
        () ->
            installations
                .find(request.installationId())
                .flatMap(known -> work(run, known))
                .flatMap(result -> ending.end(run, result)));
  }

  private Uni<RunResult> work(ClaimedRun run, Optional<KnownInstallation> known) {
    if (known.isEmpty() || known.get().status() != InstallationStatus.ACTIVE) {
      String why =
          known.map(i -> "the installation is " + i.status()).orElse("unknown installation");
      return Uni.createFrom().item(RunResult.failed(new SyncError("installation-not-active", why)));
    }
    return progress.reported(run, counts -> resources(run.request(), known.get(), counts));
  }

  /** Each wanted resource in turn, adding to its counts in {@code progress}. */
  private Uni<RunResult> resources(
      SyncRequest request, KnownInstallation installation, Map<Resource, RoundCounts> progress) {
    Set<Resource> wanted =
        request.resources() == null
            ? GraphPermissions.readable(installation.grantedPermissions(), installation.type())
            : request.resources();
    ChangeScope changes =
        new ChangeScope(
            installation.id(), installation.tenantId(), null, request.requestId(), false);
    // Found once for the whole run: mail, calendar and files of one request share one directory
    // round (or one /me lookup).
    RunOwners runOwners = owners.of(installation, request);
    return Multi.createFrom()
        .iterable(wanted)
        .onItem()
        .transformToUniAndConcatenate(
            resource ->
                resources.sync(
                    resource,
                    installation,
                    request,
                    changes,
                    runOwners,
                    progress.computeIfAbsent(resource, x -> new RoundCounts())))
        .collect()
        .asList()
        .map(RunResult::of);
  }
}
