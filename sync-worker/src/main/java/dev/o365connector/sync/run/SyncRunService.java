package dev.o365connector.sync.run;

import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncState;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Turns sync requests into persisted runs. */
@ApplicationScoped
public class SyncRunService {

  private final SyncRunRepository runs;
  private final Clock clock;
  private final RunTrace trace;

  SyncRunService(SyncRunRepository runs, Clock clock, RunTrace trace) {
    this.runs = runs;
    this.clock = clock;
    this.trace = trace;
  }

  /**
   * Records the request as an ACCEPTED run; empty when its {@code requestId} already has one, which
   * stays unchanged, so a redelivered or re-sent request never starts a second run. The run keeps
   * the trace context current now (the consume span), so its work joins the request's trace.
   */
  @WithTransaction
  public Uni<Optional<SyncRun>> accept(SyncRequest request, String requestJson) {
    Map<String, String> traceContext = trace.current();
    return runs.findById(request.requestId())
        .flatMap(
            existing ->
                existing != null
                    ? Uni.createFrom().item(Optional.<SyncRun>empty())
                    : runs.persist(newRun(request, requestJson, traceContext)).map(Optional::of));
  }

  private SyncRun newRun(
      SyncRequest request, String requestJson, Map<String, String> traceContext) {
    Instant now = clock.instant();
    SyncRun run = new SyncRun();
    run.requestId = request.requestId();
    run.installationId = request.installationId();
    run.mode = request.mode();
    run.state = SyncState.ACCEPTED;
    run.request = requestJson;
    run.traceContext =
        traceContext.isEmpty()
            ? null
            : new JsonObject(Map.<String, Object>copyOf(traceContext)).encode();
    run.acceptedAt = now;
    run.updatedAt = now;
    return run;
  }
}
