package dev.o365connector.simulator.drive;

import dev.o365connector.simulator.control.resource.MutationSpec;
import dev.o365connector.simulator.control.resource.ResourceMutations;
import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
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
    JsonArray updated = new JsonArray();
    for (String id : MutationSpec.pick(spec.getValue("update"), ids(owners), ids)) {
      Drive drive = owners.get(id);
      DriveItem item = drive.item(id).orElseThrow();
      // Folders can only be renamed; a file is renamed or gets new content, at random.
      if (!item.folder() && ids.nextInt(2) == 0) {
        drive.rewrite(id, item.size() + 1 + ids.nextInt(50_000));
      } else {
        drive.rename(id, renamed(item));
      }
      updated.add(id);
    }
    JsonArray moved = new JsonArray();
    for (Move move : moves(spec.getValue("move"), owners, ids)) {
      if (owners.get(move.id()).move(move.id(), move.to())) {
        moved.add(move.id());
      }
    }
    JsonArray deleted = new JsonArray();
    for (String id : MutationSpec.pick(spec.getValue("delete"), ids(owners), ids)) {
      Drive drive = owners.get(id);
      // An item picked after its folder went is already gone with it.
      if (drive.item(id).isPresent()) {
        drive.delete(id).forEach(deleted::add);
      }
    }
    JsonArray created = new JsonArray();
    List<Drive> drives = drives(tenant);
    int count = MutationSpec.count(spec.getValue("create"));
    Long size = size(spec.getValue("size"));
    DriveSeeder seeder = new DriveSeeder(ids);
    for (int i = 0; i < count && !drives.isEmpty(); i++) {
      Drive drive = drives.get(ids.nextInt(drives.size()));
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
      created.add(item.id());
    }
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

  private record Move(String id, String to) {}

  /**
   * {@code move}: a count (random items to a random folder not below them), ids, or {id, to}
   * objects ({@code to} a folder id of the same drive, or {@code root}).
   */
  private static List<Move> moves(Object value, Map<String, Drive> owners, Ids ids) {
    List<Move> moves = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        String id =
            item instanceof JsonObject explicit ? explicit.getString("id") : String.valueOf(item);
        Drive drive = owners.get(id);
        if (drive == null) {
          throw new IllegalArgumentException("no such drive item: " + id);
        }
        if (item instanceof JsonObject explicit) {
          String to = explicit.getString("to");
          String target =
              Optional.ofNullable(to)
                  .flatMap(drive::item)
                  .orElseThrow(() -> new IllegalArgumentException("no such folder: " + to))
                  .id();
          moves.add(new Move(id, target));
        } else {
          randomTarget(id, drive, ids).ifPresent(moves::add);
        }
      }
      return moves;
    }
    for (String id : MutationSpec.pick(value, ids(owners), ids)) {
      randomTarget(id, owners.get(id), ids).ifPresent(moves::add);
    }
    return moves;
  }

  /** A folder the item is not in yet and that is not below it; none if the drive has no such. */
  private static Optional<Move> randomTarget(String id, Drive drive, Ids ids) {
    String parent = drive.item(id).orElseThrow().parentId();
    List<String> targets =
        drive.folderIds().stream()
            .filter(folder -> !folder.equals(parent) && !drive.within(folder, id))
            .toList();
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Move(id, targets.get(ids.nextInt(targets.size()))));
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
    for (Drive drive : drives(tenant)) {
      drive.items().live().stream()
          .filter(item -> item.parentId() != null)
          .forEach(item -> owners.put(item.id(), drive));
    }
    return owners;
  }

  private static List<String> ids(Map<String, Drive> owners) {
    return new ArrayList<>(owners.keySet());
  }

  private static List<Drive> drives(Tenant tenant) {
    return tenant.users().live().stream()
        .map(User::id)
        .flatMap(id -> tenant.drive(id).stream())
        .toList();
  }
}
