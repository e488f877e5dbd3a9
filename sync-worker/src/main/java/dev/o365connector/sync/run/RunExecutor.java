package dev.o365connector.sync.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.permission.GraphPermissions;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.contracts.sync.SyncStatus;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.config.SyncConfig;
import dev.o365connector.sync.delta.RoundCounts;
import dev.o365connector.sync.installation.InstallationDirectory;
import dev.o365connector.sync.installation.KnownInstallation;
import dev.o365connector.sync.resource.Owners;
import dev.o365connector.sync.resource.RunOwners;
import dev.o365connector.sync.status.StatusPublisher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private static final ObjectMapper JSON = ContractJson.mapper();

  private final RunClaims claims;
  private final InstallationDirectory installations;
  private final ResourceSync resources;
  private final Owners owners;
  private final StatusPublisher status;
  private final SyncConfig config;
  private final Clock clock;
  private final Vertx vertx;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean claiming = new AtomicBoolean();
  private final SyncMetrics metrics;
  private final RunTrace trace;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  RunExecutor(
      RunClaims claims,
      InstallationDirectory installations,
      ResourceSync resources,
      Owners owners,
      StatusPublisher status,
      SyncConfig config,
      Clock clock,
      Vertx vertx,
      SyncMetrics metrics,
      RunTrace trace) {
    this.claims = claims;
    this.installations = installations;
    this.resources = resources;
    this.owners = owners;
    this.status = status;
    this.config = config;
    this.clock = clock;
    this.vertx = vertx;
    this.metrics = metrics;
    this.trace = trace;
  }

  @Scheduled(
      every = "${o365.sync.poll-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> poll() {
    // Polls and claimNow() take turns, so together they never start more than the allowed runs.
    if (running.get() >= config.maxConcurrentRuns() || !claiming.compareAndSet(false, true)) {
      return Uni.createFrom().voidItem();
    }
    return claims
        .claimNext()
        .map(
            claimed -> {
              claimed.ifPresent(
                  run -> {
                    running.incrementAndGet();
                    // On a context of the run's own: its span (the request's trace) and log keys.
                    trace
                        .within(
                            run,
                            () -> {
                              LOG.infof(
                                  "Claimed run %s of installation %s",
                                  run.request().requestId(), run.request().installationId());
                              return execute(run);
                            })
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
        .onTermination()
        .invoke(() -> claiming.set(false))
        .replaceWithVoid();
  }

  /**
   * Looks for a run at once, not at the next poll: this replica just accepted a request, and the
   * poll interval would otherwise be the run's first latency.
   */
  public void claimNow() {
    poll().subscribe().with(x -> {}, e -> {});
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
              Map<Resource, RoundCounts> progress = new ConcurrentHashMap<>();
              // RUNNING again every few seconds, with what is done so far.
              long reporting =
                  vertx.setPeriodic(
                      PROGRESS_EVERY.toMillis(),
                      id ->
                          publish(run, SyncState.RUNNING, snapshot(progress), false, null)
                              .subscribe()
                              .with(x -> {}, e -> {}));
              return publish(run, SyncState.RUNNING, Map.of(), false, null)
                  .flatMap(x -> resources(run, known.get(), progress))
                  .onTermination()
                  .invoke(() -> vertx.cancelTimer(reporting));
            })
        .onTermination()
        .invoke(() -> vertx.cancelTimer(renewal));
  }

  private static Map<Resource, ResourceCounts> snapshot(Map<Resource, RoundCounts> progress) {
    Map<Resource, ResourceCounts> counts = new EnumMap<>(Resource.class);
    progress.forEach((resource, done) -> counts.put(resource, done.snapshot()));
    return counts;
  }

  private Uni<Void> resources(
      ClaimedRun run, KnownInstallation installation, Map<Resource, RoundCounts> progress) {
    SyncRequest request = run.request();
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
            r ->
                resources.sync(
                    r,
                    installation,
                    request,
                    changes,
                    runOwners,
                    progress.computeIfAbsent(r, x -> new RoundCounts())))
        .collect()
        .asList()
        .flatMap(outcomes -> finish(run, outcomes));
  }

  private Uni<Void> finish(ClaimedRun run, List<ResourceSync.Outcome> outcomes) {
    Map<Resource, ResourceCounts> counts = new EnumMap<>(Resource.class);
    boolean resync = false;
    List<String> problems = new ArrayList<>();
    String code = null;
    for (ResourceSync.Outcome outcome : outcomes) {
      counts.put(outcome.resource(), outcome.counts().snapshot());
      resync |= outcome.counts().resync();
      if (outcome.error() != null) {
        code = code == null ? outcome.error().code() : code;
        problems.add(outcome.resource().value() + ": " + outcome.error().message());
      }
    }
    return finish(
        run,
        counts,
        resync,
        code == null ? null : new SyncError(code, String.join("; ", problems)));
  }

  private Uni<Void> finish(
      ClaimedRun run, Map<Resource, ResourceCounts> counts, boolean resync, SyncError error) {
    SyncState state = error == null ? SyncState.SUCCEEDED : SyncState.FAILED;
    metrics.run(state.name().toLowerCase());
    trace.ended(state, error);
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
      return JSON.writeValueAsString(counts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
