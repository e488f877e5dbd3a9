package dev.o365connector.sync.run;

import dev.o365connector.sync.config.SyncConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Looks for runs to claim every {@code O365_SYNC_POLL_EVERY} (and at once when this replica just
 * accepted a request), never holding more than {@code O365_SYNC_MAX_CONCURRENT_RUNS}. Each claimed
 * run is executed on a Vert.x context of its own, in its request's trace ({@link RunTrace}).
 */
@ApplicationScoped
public class RunPoller {

  private static final Logger LOG = Logger.getLogger(RunPoller.class);

  private final RunClaims claims;
  private final RunExecutor executor;
  private final RunTrace trace;
  private final int maxConcurrentRuns;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean claiming = new AtomicBoolean();

  RunPoller(RunClaims claims, RunExecutor executor, RunTrace trace, SyncConfig config) {
    this.claims = claims;
    this.executor = executor;
    this.trace = trace;
    this.maxConcurrentRuns = config.maxConcurrentRuns();
  }

  @Scheduled(
      every = "${o365.sync.poll-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> poll() {
    // Polls and claimNow() take turns, so together they never start more than the allowed runs.
    if (running.get() >= maxConcurrentRuns || !claiming.compareAndSet(false, true)) {
      return Uni.createFrom().voidItem();
    }
    return claims
        .claimNext()
        .invoke(claimed -> claimed.ifPresent(this::start))
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

  private void start(ClaimedRun run) {
    running.incrementAndGet();
    // On a context of the run's own: its span (the request's trace) and log keys.
    trace
        .within(run, () -> executor.execute(run))
        .onTermination()
        .invoke(running::decrementAndGet)
        .subscribe()
        .with(x -> {}, e -> LOG.errorf(e, "Run %s failed", run.request().requestId()));
  }
}
