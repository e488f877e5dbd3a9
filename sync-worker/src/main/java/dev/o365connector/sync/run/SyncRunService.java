package dev.o365connector.sync.run;

import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncState;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Turns sync requests into persisted runs. */
@ApplicationScoped
public class SyncRunService {

  private final SyncRunRepository runs;
  private final Clock clock;

  SyncRunService(SyncRunRepository runs, Clock clock) {
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Records the request as an ACCEPTED run; empty when its {@code requestId} already has one, which
   * stays unchanged, so a redelivered or re-sent request never starts a second run.
   */
  @WithTransaction
  public Uni<Optional<SyncRun>> accept(SyncRequest request, String requestJson) {
    return runs.findById(request.requestId())
        .flatMap(
            existing ->
                existing != null
                    ? Uni.createFrom().item(Optional.<SyncRun>empty())
                    : runs.persist(newRun(request, requestJson)).map(Optional::of));
  }

  private SyncRun newRun(SyncRequest request, String requestJson) {
    Instant now = clock.instant();
    SyncRun run = new SyncRun();
    run.requestId = request.requestId();
    run.installationId = request.installationId();
    run.mode = request.mode();
    run.state = SyncState.ACCEPTED;
    run.request = requestJson;
    run.acceptedAt = now;
    run.updatedAt = now;
    return run;
  }
}
