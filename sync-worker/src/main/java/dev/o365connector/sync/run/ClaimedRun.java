package dev.o365connector.sync.run;

import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.sync.status.RunRef;
import java.time.Instant;
import java.util.Map;

/**
 * A run this replica holds the lease of, with the request it came from and the trace context stored
 * with it ({@link RunTrace}; empty when tracing was off).
 */
public record ClaimedRun(
    SyncRequest request, Instant acceptedAt, Instant startedAt, Map<String, String> traceContext) {

  /** The run as its status events name it. */
  public RunRef ref() {
    return new RunRef(request.requestId(), request.installationId(), acceptedAt, startedAt);
  }
}
