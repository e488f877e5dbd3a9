package dev.o365connector.sync.resource.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeScope;
import java.util.List;

/**
 * A {@code mailFolders/delta} item as change events: {@code @removed} → DELETE, else UPSERT with
 * the parent folder as {@code containerId}. Consumers cascade a folder's DELETE to the messages and
 * folders whose {@code containerId} it is.
 */
public final class MailFolderChanges {

  private MailFolderChanges() {}

  public static List<ChangeEvent> of(ChangeScope scope, JsonNode folder) {
    String id = folder.path("id").asText();
    JsonNode removed = folder.get("@removed");
    if (removed != null) {
      return List.of(
          ChangeEvent.delete(
              scope, ObjectType.MAIL_FOLDER, id, null, removed.path("reason").asText("deleted")));
    }
    return List.of(
        ChangeEvent.upsert(
            scope, ObjectType.MAIL_FOLDER, id, folder.path("parentFolderId").asText(null), folder));
  }
}
