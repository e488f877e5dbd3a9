package dev.o365connector.sync.delta;

import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;

/**
 * One delta query to keep in step: where its cursor lives, where a fresh round starts, and how its
 * pages become change events.
 *
 * @param objectType what the scope's items are; resync markers name it, so consumers know which
 *     objects a resync re-reads
 * @param startUrl the absolute gateway URL of a fresh round, e.g. {@code .../users/delta}; a stored
 *     round that started elsewhere (a re-anchored calendar window) is resynced
 * @param immutableIds whether to ask for Outlook's immutable ids
 */
public record DeltaScope(
    ObjectType objectType,
    CursorScope cursor,
    ChangeScope changes,
    String startUrl,
    boolean immutableIds,
    PageHandler handler) {

  /** The same scope with its changes marked as read during a resync. */
  DeltaScope resyncing() {
    return new DeltaScope(objectType, cursor, changes.resyncing(), startUrl, immutableIds, handler);
  }
}
