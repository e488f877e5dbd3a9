package dev.o365connector.contracts.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.o365connector.contracts.Resource;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Asks the sync-worker to sync an installation; published to {@code o365.sync.requests}.
 *
 * @param requestId idempotency key: a repeated id is the same request
 * @param installationId the installation to sync
 * @param resources what to sync; null means everything the installation may read
 * @param mode INCREMENTAL when absent
 * @param userIds APPLICATION installations only: limit the fan-out to these users; null means all
 * @param calendarWindow calendarView range; null means the worker's configured default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncRequest(
    String requestId,
    String installationId,
    Set<Resource> resources,
    SyncMode mode,
    List<String> userIds,
    CalendarWindow calendarWindow) {

  public SyncRequest {
    resources = resources == null ? null : enumSet(resources);
    mode = mode == null ? SyncMode.INCREMENTAL : mode;
    userIds = userIds == null ? null : List.copyOf(userIds);
  }

  /** An incremental sync of everything the installation may read. */
  public static SyncRequest incremental(String requestId, String installationId) {
    return new SyncRequest(requestId, installationId, null, SyncMode.INCREMENTAL, null, null);
  }

  // An EnumSet keeps the JSON array in declaration order, so equal requests serialise identically.
  private static Set<Resource> enumSet(Collection<Resource> resources) {
    Set<Resource> set = EnumSet.noneOf(Resource.class);
    set.addAll(resources);
    return Collections.unmodifiableSet(set);
  }
}
