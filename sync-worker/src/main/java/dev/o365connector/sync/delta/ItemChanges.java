package dev.o365connector.sync.delta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeScope;
import java.util.List;

/**
 * A directory or Outlook delta item as a change event: {@code @removed} (reason {@code changed} or
 * {@code deleted}) → DELETE, anything else → UPSERT of the item as received.
 */
public final class ItemChanges {

  private ItemChanges() {}

  public static List<ChangeEvent> of(
      ChangeScope scope, ObjectType type, String containerId, JsonNode item) {
    String id = item.path("id").asText();
    JsonNode removed = item.get("@removed");
    if (removed != null) {
      return List.of(
          ChangeEvent.delete(
              scope, type, id, containerId, removed.path("reason").asText("deleted")));
    }
    return List.of(ChangeEvent.upsert(scope, type, id, containerId, item));
  }
}
