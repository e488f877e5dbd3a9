package dev.o365connector.sync.resource.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeScope;
import java.util.List;

/** A {@code /users/delta} item as change events: {@code @removed} → DELETE, else UPSERT. */
public final class UserChanges {

  private UserChanges() {}

  public static List<ChangeEvent> of(ChangeScope scope, JsonNode user) {
    String id = user.path("id").asText();
    JsonNode removed = user.get("@removed");
    if (removed != null) {
      return List.of(
          ChangeEvent.delete(
              scope, ObjectType.USER, id, null, removed.path("reason").asText(null)));
    }
    return List.of(ChangeEvent.upsert(scope, ObjectType.USER, id, null, user));
  }
}
