package dev.o365connector.sync.delta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.Resource;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.cursor.CursorStore.CursorScope;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One delta query to keep in step: where its cursor lives, where a fresh round starts, and how a
 * page item becomes change events.
 *
 * @param startUrl the absolute gateway URL of a fresh round, e.g. {@code .../users/delta}
 * @param immutableIds whether to ask for Outlook's immutable ids
 * @param toEvents turns one item of a page into change events, given the scope's change context
 */
public record DeltaScope(
    Resource resource,
    CursorScope cursor,
    ChangeScope changes,
    String startUrl,
    boolean immutableIds,
    BiFunction<ChangeScope, JsonNode, List<ChangeEvent>> toEvents) {}
