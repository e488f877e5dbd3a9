package dev.o365connector.sync.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.permission.GraphPermissions;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.contracts.sync.SyncStatus;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.config.SyncConfig;
import dev.o365connector.sync.delta.DeltaRound;
import dev.o365connector.sync.delta.DeltaScope;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.graph.GraphFailure;
import dev.o365connector.sync.installation.InstallationDirectory;
import dev.o365connector.sync.installation.KnownInstallation;
import dev.o365connector.sync.status.StatusPublisher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Claims runs and executes them: each requested resource's delta scopes are brought up to date in
 * turn; a resource that fails (a gateway 403, a Graph error) is reported and the others continue.
 * The lease is renewed while a run works, so another replica only takes over a run whose holder
 * stopped.
 */
@ApplicationScoped
public class RunExecutor {

  private static final Logger LOG = Logger.getLogger(RunExecutor.class);

  private final RunClaims claims;
  private final InstallationDirectory installations;
  private final ResourcePlan plan;
  private final DeltaRound rounds;
  private final StatusPublisher status;
  private final SyncConfig config;
  private final Clock clock;
  private final Vertx vertx;
  private final AtomicInteger running = new AtomicInteger();

  RunExecutor(
      RunClaims claims,
      InstallationDirectory installations,
      ResourcePlan plan,
      DeltaRound rounds,
      StatusPublisher status,
      SyncConfig config,
      Clock clock,
      Vertx vertx) {
    this.claims = claims;
    this.installations = installations;
    this.plan = plan;
    this.rounds = rounds;
    this.status = status;
    this.config = config;
    this.clock = clock;
    this.vertx = vertx;
  }

  @Scheduled(
      every = "${o365.sync.poll-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> poll() {
    if (running.get() >= config.maxConcurrentRuns()) {
      return Uni.createFrom().voidItem();
    }
    return claims
        .claimNext()
        .map(
            claimed -> {
              claimed.ifPresent(
                  run -> {
                    running.incrementAndGet();
                    execute(run)
                        .onTermination()
                        .invoke(running::decrementAndGet)
                        .subscribe()
                        .with(
                            x -> {},
                            e -> LOG.errorf(e, "Run %s failed", run.request().requestId()));
                  });
              return null;
            })
        .onFailure()
        .invoke(e -> LOG.warnf("Could not claim a run: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> execute(ClaimedRun run) {
    SyncRequest request = run.request();
    long renewal =
        vertx.setPeriodic(
            Math.max(1000, config.lease().toMillis() / 3),
            id -> claims.renew(request.requestId()).subscribe().with(held -> {}, e -> {}));
    return installations
        .find(request.installationId())
        .flatMap(
            known -> {
              if (known.isEmpty() || known.get().status() != InstallationStatus.ACTIVE) {
                String why =
                    known
                        .map(i -> "the installation is " + i.status())
                        .orElse("unknown installation");
                return finish(run, Map.of(), false, new SyncError("installation-not-active", why));
              }
              return publish(run, SyncState.RUNNING, Map.of(), false, null)
                  .flatMap(x -> resources(run, known.get()));
            })
        .onTermination()
        .invoke(() -> vertx.cancelTimer(renewal));
  }

  private Uni<Void> resources(ClaimedRun run, KnownInstallation installation) {
    SyncRequest request = run.request();
    Set<Resource> readable =
        GraphPermissions.readable(installation.grantedPermissions(), installation.type());
    List<Resource> wanted =
        request.resources() == null ? List.copyOf(readable) : List.copyOf(request.resources());
    ChangeScope changes =
        new ChangeScope(
            installation.id(), installation.tenantId(), null, request.requestId(), false);
    Map<Resource, RoundCounts> counts = new EnumMap<>(Resource.class);
    Map<Resource, SyncError> failures = new LinkedHashMap<>();
    return Multi.createFrom()
        .iterable(wanted)
        .onItem()
        .transformToUniAndConcatenate(
            resource -> {
              if (!readable.contains(resource)) {
                failures.put(
                    resource,
                    new SyncError(
                        "permission-missing",
                        resource.value()
                            + " needs "
                            + GraphPermissions.required(resource, installation.type())));
                return Uni.createFrom().voidItem();
              }
              return plan.scopes(resource, changes)
                  .map(scopes -> sync(resource, scopes, request.mode(), counts, failures))
                  .orElseGet(
                      () -> {
                        failures.put(
                            resource,
                            new SyncError(
                                "resource-not-supported",
                                "this worker version does not sync " + resource.value() + " yet"));
                        return Uni.createFrom().voidItem();
                      });
            })
        .collect()
        .last()
        .flatMap(
            x -> {
              Map<Resource, ResourceCounts> snapshot = new EnumMap<>(Resource.class);
              boolean resync = false;
              for (Map.Entry<Resource, RoundCounts> entry : counts.entrySet()) {
                snapshot.put(entry.getKey(), entry.getValue().snapshot());
                resync |= entry.getValue().resync();
              }
              SyncError error =
                  failures.isEmpty()
                      ? null
                      : new SyncError(
                          failures.values().iterator().next().code(),
                          failures.entrySet().stream()
                              .map(f -> f.getKey().value() + ": " + f.getValue().message())
                              .reduce((a, b) -> a + "; " + b)
                              .orElse(""));
              return finish(run, snapshot, resync, error);
            });
  }

  private Uni<Void> sync(
      Resource resource,
      List<DeltaScope> scopes,
      SyncMode mode,
      Map<Resource, RoundCounts> counts,
      Map<Resource, SyncError> failures) {
    RoundCounts total = counts.computeIfAbsent(resource, r -> new RoundCounts());
    return Multi.createFrom()
        .iterable(scopes)
        .onItem()
        .transformToUniAndConcatenate(
            scope -> rounds.run(scope, mode == SyncMode.FULL).invoke(total::add))
        .collect()
        .last()
        .replaceWithVoid()
        .onFailure()
        .recoverWithItem(
            e -> {
              String code = e instanceof GraphFailure failure ? failure.code() : "sync-failed";
              failures.put(resource, new SyncError(code, e.getMessage()));
              LOG.warnf("Sync of %s failed: %s", resource.value(), e.getMessage());
              return null;
            });
  }

  private Uni<Void> finish(
      ClaimedRun run, Map<Resource, ResourceCounts> counts, boolean resync, SyncError error) {
    SyncState state = error == null ? SyncState.SUCCEEDED : SyncState.FAILED;
    return claims
        .finish(
            run.request().requestId(),
            state,
            json(counts),
            error == null ? null : error.code(),
            error == null ? null : error.message())
        .flatMap(x -> publish(run, state, counts, resync, error));
  }

  private Uni<Void> publish(
      ClaimedRun run,
      SyncState state,
      Map<Resource, ResourceCounts> counts,
      boolean resync,
      SyncError error) {
    return status.publish(
        new SyncStatus(
            run.request().requestId(),
            run.request().installationId(),
            state,
            counts,
            resync,
            error,
            run.acceptedAt(),
            run.startedAt(),
            state.isFinal() ? clock.instant() : null,
            clock.instant()));
  }

  private static String json(Map<Resource, ResourceCounts> counts) {
    try {
      return ContractJson.mapper().writeValueAsString(counts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
