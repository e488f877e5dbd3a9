package dev.o365connector.sync.run;

import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.sync.metrics.SyncMetrics;
import dev.o365connector.sync.status.StatusPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends a run: counted ({@code o365_sync_runs_total}), its span marked, its {@code sync_run} row
 * finished (if this replica still holds it), then its final status published.
 */
@ApplicationScoped
class RunEnding {

  private final RunClaims claims;
  private final StatusPublisher status;
  private final SyncMetrics metrics;
  private final RunTrace trace;

  RunEnding(RunClaims claims, StatusPublisher status, SyncMetrics metrics, RunTrace trace) {
    this.claims = claims;
    this.status = status;
    this.metrics = metrics;
    this.trace = trace;
  }

  Uni<Void> end(ClaimedRun run, RunResult result) {
    SyncState state = result.state();
    metrics.run(state.name().toLowerCase());
    trace.ended(state, result.error());
    return claims
        .finish(run.request().requestId(), result)
        .flatMap(x -> status.ended(run.ref(), result.counts(), result.resync(), result.error()));
  }
}
