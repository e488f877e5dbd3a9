package dev.o365connector.sync.resource.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.o365connector.contracts.change.ObjectType;
import dev.o365connector.sync.change.ChangeEvent;
import dev.o365connector.sync.change.ChangeScope;
import dev.o365connector.sync.delta.ItemChanges;
import java.util.List;

/**
 * A drive {@code root/delta} item as change events: the {@code deleted} facet (or {@code @removed})
 * → DELETE, else UPSERT; {@code containerId} is the drive.
 */
public final class FileChanges {

  private FileChanges() {}

  public static List<ChangeEvent> of(ChangeScope scope, JsonNode item) {
    String drive = item.path("parentReference").path("driveId").asText(null);
    if (item.has("deleted")) {
      return List.of(
          ChangeEvent.delete(
              scope, ObjectType.DRIVE_ITEM, item.path("id").asText(), drive, "deleted"));
    }
    return ItemChanges.of(scope, ObjectType.DRIVE_ITEM, drive, item);
  }
}
