package dev.o365connector.simulator.drive;

import dev.o365connector.simulator.control.resource.MutationSpec;
import dev.o365connector.simulator.control.resource.MutationSpec.Move;
import dev.o365connector.simulator.control.resource.ResourceMutations;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.drive.model.Drive;
import dev.o365connector.simulator.drive.model.DriveItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files and folders appearing (files of a given {@code size} if asked), being renamed or rewritten,
 * deleted with everything below them, and moved between folders of their drive.
 */
public final class DriveItemMutations implements ResourceMutations {

  @Override
  public String key() {
    return "driveItems";
  }

  @Override
  public JsonObject apply(Tenant tenant, JsonObject spec, Ids ids) {
    Map<String, Drive> owners = owners(tenant);
    JsonArray updated =
        MutationSpec.each(
            spec.getValue("update"),
            ids(owners),
            ids,
            id -> {
              Drive drive = owners.get(id);
              DriveItem item = drive.item(id).orElseThrow();
              // Folders can only be renamed; a file is renamed or gets new content, at random.
              if (!item.folder() && ids.nextInt(2) == 0) {
                drive.rewrite(id, item.size() + 1 + ids.nextInt(50_000));
              } else {
                drive.rename(id, renamed(item));
              }
            });
    JsonArray moved = new JsonArray();
    List<Move> moves =
        MutationSpec.moves(
            spec.getValue("move"),
            owners,
            ids,
            "drive item",
            (id, to) ->
                Optional.ofNullable(to)
                    .flatMap(owners.get(id)::item)
                    .orElseThrow(() -> new IllegalArgumentException("no such folder: " + to))
                    .id(),
            id -> randomFolder(id, owners.get(id), ids));
    for (Move move : moves) {
      if (owners.get(move.id()).move(move.id(), move.to())) {
        moved.add(move.id());
      }
    }
    JsonArray deleted =
        MutationSpec.eachTree(
            spec.getValue("delete"),
            ids(owners),
            ids,
            id -> {
              Drive drive = owners.get(id);
              // An item picked after its folder went is already gone with it.
              return drive.item(id).isPresent() ? drive.delete(id) : List.of();
            });
    List<Drive> drives = List.copyOf(tenant.liveUsersWith(tenant::drive).values());
    Long size = size(spec.getValue("size"));
    DriveSeeder seeder = new DriveSeeder(ids);
    JsonArray created =
        MutationSpec.create(
            spec.getValue("create"),
            drives,
            ids,
            drive -> {
              List<String> folders = drive.folderIds();
              String parent = folders.get(ids.nextInt(folders.size()));
              DriveItem item;
              if (size != null) {
                item = seeder.newFile(drive, parent, size);
              } else if (ids.nextInt(4) == 0) {
                item = seeder.newFolder(drive, parent);
              } else {
                item = seeder.newFile(drive, parent);
              }
              return item.id();
            });
    return new JsonObject()
        .put("created", created)
        .put("updated", updated)
        .put("deleted", deleted)
        .put("moved", moved);
  }

  /**
   * {@code size}: every item {@code create} makes is then a file of that many bytes, e.g. to test a
   * large download; absent, a quarter are folders and files get a size plausible for their kind.
   */
  private static Long size(Object value) {
    if (value == null) {
      return null;
    }
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
      return ((Number) value).longValue();
    }
    throw new IllegalArgumentException("size takes a non-negative number of bytes, got " + value);
  }

  /**
   * Where {@code move} as a count or ids sends an item: a folder it is not in yet and that is not
   * below it; none if the drive has no such. An explicit {@code to} is a folder id of the same
   * drive, or {@code root}.
   */
  private static Optional<String> randomFolder(String id, Drive drive, Ids ids) {
    String parent = drive.item(id).orElseThrow().parentId();
    List<String> targets =
        drive.folderIds().stream()
            .filter(folder -> !folder.equals(parent) && !drive.within(folder, id))
            .toList();
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(targets.get(ids.nextInt(targets.size())));
  }

  /** {@code Budget 12.xlsx} becomes {@code Budget 12 (2).xlsx}, then {@code (3)}, ... */
  private static String renamed(DriveItem item) {
    String name = item.name().replaceFirst(" \\(\\d+\\)(?=\\.[^.]*$|$)", "");
    int dot = item.folder() ? -1 : name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    String extension = dot < 0 ? "" : name.substring(dot);
    return stem + " (" + (item.version() + 1) + ")" + extension;
  }

  /** Every live item but the roots, with its drive, in a repeatable order. */
  private static Map<String, Drive> owners(Tenant tenant) {
    Map<String, Drive> owners = new LinkedHashMap<>();
    for (Drive drive : tenant.liveUsersWith(tenant::drive).values()) {
      drive.items().live().stream()
          .filter(item -> item.parentId() != null)
          .forEach(item -> owners.put(item.id(), drive));
    }
    return owners;
  }

  private static List<String> ids(Map<String, Drive> owners) {
    return new ArrayList<>(owners.keySet());
  }
}
