package dev.o365connector.sync.run;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.sync.resource.ResourceSync.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a run ended, as its final status and {@code sync_run} row report it: each resource's counts,
 * whether any resource resynced, and why it failed (null when it did not).
 */
record RunResult(Map<Resource, ResourceCounts> counts, boolean resync, SyncError error) {

  /**
   * The resources' outcomes together: a failed resource fails the run, with the first failure's
   * code and every failure's message ({@code resource: message}, joined by {@code ; }).
   */
  static RunResult of(List<Outcome> outcomes) {
    Map<Resource, ResourceCounts> counts = new EnumMap<>(Resource.class);
    boolean resync = false;
    List<String> problems = new ArrayList<>();
    String code = null;
    for (Outcome outcome : outcomes) {
      counts.put(outcome.resource(), outcome.counts().snapshot());
      resync |= outcome.counts().resync();
      if (outcome.error() != null) {
        code = code == null ? outcome.error().code() : code;
        problems.add(outcome.resource().value() + ": " + outcome.error().message());
      }
    }
    return new RunResult(
        counts, resync, code == null ? null : new SyncError(code, String.join("; ", problems)));
  }

  /** A run that could not start its work. */
  static RunResult failed(SyncError error) {
    return new RunResult(Map.of(), false, error);
  }

  SyncState state() {
    return error == null ? SyncState.SUCCEEDED : SyncState.FAILED;
  }
}
