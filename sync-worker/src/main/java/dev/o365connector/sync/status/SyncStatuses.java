package dev.o365connector.sync.status;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.contracts.sync.SyncStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The one place a {@link SyncStatus} is made (docs/events.md, "SyncStatus"): which fields each
 * state carries, stamped with the clock's time. A final status (SUCCEEDED, FAILED, REJECTED)
 * finished when it occurred.
 */
public final class SyncStatuses {

  private final Clock clock;

  public SyncStatuses(Clock clock) {
    this.clock = clock;
  }

  /** ACCEPTED: the request became a run, persisted at {@code acceptedAt}. */
  public SyncStatus accepted(String requestId, String installationId, Instant acceptedAt) {
    return status(
        new RunRef(requestId, installationId, acceptedAt, null),
        SyncState.ACCEPTED,
        Map.of(),
        false,
        null);
  }

  /** REJECTED: the request never became a run (its record went to the DLQ). */
  public SyncStatus rejected(String requestId, String installationId, SyncError error) {
    return status(
        new RunRef(requestId, installationId, null, null),
        SyncState.REJECTED,
        Map.of(),
        false,
        error);
  }

  /** RUNNING, with what the run has done so far. */
  public SyncStatus running(RunRef run, Map<Resource, ResourceCounts> counts) {
    return status(run, SyncState.RUNNING, counts, false, null);
  }

  /** The run's end: SUCCEEDED without an error, FAILED with one. */
  public SyncStatus ended(
      RunRef run, Map<Resource, ResourceCounts> counts, boolean resync, SyncError error) {
    return status(
        run, error == null ? SyncState.SUCCEEDED : SyncState.FAILED, counts, resync, error);
  }

  private SyncStatus status(
      RunRef run,
      SyncState state,
      Map<Resource, ResourceCounts> counts,
      boolean resync,
      SyncError error) {
    Instant now = clock.instant();
    return new SyncStatus(
        run.requestId(),
        run.installationId(),
        state,
        counts,
        resync,
        error,
        run.acceptedAt(),
        run.startedAt(),
        state.isFinal() ? now : null,
        now);
  }
}
