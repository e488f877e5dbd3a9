package dev.o365connector.sync.delta;

import io.smallrye.mutiny.Uni;

/**
 * A part of a resource's sync that stands on its own: the tenant's users, or one owner's mailbox,
 * calendar or drive. The units of a resource run in parallel, each one's scopes in turn.
 */
@FunctionalInterface
public interface SyncUnit {

  /** Brings the part up to date (FULL: every scope read once in this run), adding to counts. */
  Uni<Void> sync(boolean full, RoundCounts counts);

  /** The unit that runs one delta scope. */
  static SyncUnit of(DeltaRound rounds, DeltaScope scope) {
    return (full, counts) -> rounds.run(scope, full).invoke(counts::add).replaceWithVoid();
  }
}
