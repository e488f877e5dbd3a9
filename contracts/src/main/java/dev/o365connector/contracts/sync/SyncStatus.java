package dev.o365connector.contracts.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.o365connector.contracts.Resource;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a sync request's progress; published to {@code o365.sync.status} on every state
 * change. Each snapshot carries all timestamps known so far, so the latest one alone tells the
 * whole story.
 *
 * @param requestId the SyncRequest's requestId
 * @param installationId the installation being synced
 * @param state where the request stands
 * @param counts per-resource counts so far; never null, empty before any work
 * @param resync whether cursors were dropped and at least one resource was read in full again
 * @param error why the sync FAILED or was REJECTED; null otherwise
 * @param acceptedAt when the worker accepted the request; null when REJECTED
 * @param startedAt when the first resource started; null before RUNNING
 * @param finishedAt when the request reached a final state; null before
 * @param occurredAt when this snapshot was taken
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncStatus(
    String requestId,
    String installationId,
    SyncState state,
    Map<Resource, ResourceCounts> counts,
    boolean resync,
    SyncError error,
    Instant acceptedAt,
    Instant startedAt,
    Instant finishedAt,
    Instant occurredAt) {

  public SyncStatus {
    counts = counts == null || counts.isEmpty() ? Map.of() : enumMap(counts);
  }

  // An EnumMap keeps the JSON object in declaration order, so equal snapshots serialise
  // identically.
  private static Map<Resource, ResourceCounts> enumMap(Map<Resource, ResourceCounts> counts) {
    return Collections.unmodifiableMap(new EnumMap<>(counts));
  }
}
