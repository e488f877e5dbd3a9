package dev.o365connector.sync.resource.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeScope;
import java.util.List;

/**
 * A {@code calendarView/delta} item as change events, in the primary calendar: {@code @removed}
 * (deleted, or moved out of the window) → DELETE, else UPSERT.
 */
final class EventChanges {

  private EventChanges() {}

  static List<ChangeEvent> of(ChangeScope scope, String calendarId, JsonNode event) {
    String id = event.path("id").asText();
    JsonNode removed = event.get("@removed");
    if (removed != null) {
      return List.of(
          ChangeEvent.delete(
              scope, ObjectType.EVENT, id, calendarId, removed.path("reason").asText("deleted")));
    }
    return List.of(ChangeEvent.upsert(scope, ObjectType.EVENT, id, calendarId, event));
  }
}
