package dev.o365connector.simulator.drive;

import dev.o365connector.simulator.control.resource.ResourceTruth;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.drive.model.DriveItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every live drive item, folders and roots included: {@code ownerId} is the drive's user, {@code
 * containerId} the drive, {@code parentId} the folder it is in (null for a root).
 */
public final class FilesTruth implements ResourceTruth {

  @Override
  public String resource() {
    return "files";
  }

  @Override
  public JsonArray truth(Tenant tenant, JsonObject params) {
    JsonArray truth = new JsonArray();
    tenant
        .liveUsersWith(tenant::drive)
        .forEach(
            (user, drive) -> {
              for (DriveItem item : drive.items().live()) {
                truth.add(
                    ResourceTruth.entry(
                            "driveItem", item.id(), user.id(), drive.id(), item.version())
                        .put("parentId", item.parentId()));
              }
            });
    return truth;
  }
}
