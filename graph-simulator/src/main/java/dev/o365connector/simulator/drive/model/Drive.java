package dev.o365connector.simulator.drive.model;

import dev.o365connector.simulator.delta.DeltaCollection;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One user's OneDrive: a tree of items under its root, all of them (the root included) in one delta
 * collection, as {@code /drive/root/delta} enumerates them. A change to an item also changes every
 * folder above it (size, childCount, cTag), so those folders show up in the next delta round too,
 * as OneDrive's do. Guarded by the Directory's lock like everything else.
 */
public final class Drive {

  /** Drives are dated from here; their clock advances a minute per change, so seeds repeat. */
  private static final Instant EPOCH = Instant.parse("2025-11-03T08:00:00Z");

  private static final long QUOTA = 1L << 40;

  private final String id;
  private final String ownerId;
  private final JsonObject owner;
  private final String webUrl;
  private final String rootId;
  private final DeltaCollection<DriveItem> items = new DeltaCollection<>();
  private final Map<String, Set<String>> children = new TreeMap<>();

  /**
   * An empty drive of {@code owner}, Graph's identity of a user ({@code id}, {@code displayName},
   * {@code email}); {@code webUrl} is its document library's URL.
   */
  public Drive(String id, JsonObject owner, String webUrl, String rootId) {
    this.id = id;
    this.ownerId = owner.getString("id");
    this.owner = owner.copy();
    this.webUrl = webUrl;
    this.rootId = rootId;
    items.put(DriveItem.newFolder(rootId, "root", null, now()));
    children.put(rootId, new TreeSet<>());
  }

  public String id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  /** Every live item and the tombstones of deleted ones, the root included. */
  public DeltaCollection<DriveItem> items() {
    return items;
  }

  public DriveItem root() {
    return items.get(rootId).orElseThrow();
  }

  /** A live item by id; {@code root} names the root, as Graph's paths allow. */
  public Optional<DriveItem> item(String idOrRoot) {
    return items.get("root".equals(idOrRoot) ? rootId : idOrRoot);
  }

  /** The live children of a folder, in id order; empty for a file or an unknown id. */
  public List<DriveItem> children(String folderId) {
    return children.getOrDefault(folderId, Set.of()).stream()
        .map(child -> items.get(child).orElseThrow())
        .toList();
  }

  /** The ids of every live folder, the root included, in id order. */
  public List<String> folderIds() {
    return List.copyOf(children.keySet());
  }

  /** Whether {@code itemId} is {@code ancestorId} or lies below it. */
  public boolean within(String itemId, String ancestorId) {
    for (String at = itemId; at != null; at = existing(at).parentId()) {
      if (at.equals(ancestorId)) {
        return true;
      }
    }
    return false;
  }

  public DriveItem addFolder(String parentId, String itemId, String name) {
    DriveItem folder = DriveItem.newFolder(itemId, name, folder(parentId).id(), now());
    children.put(itemId, new TreeSet<>());
    return add(folder);
  }

  public DriveItem addFile(
      String parentId, String itemId, String name, long size, String mimeType) {
    return add(DriveItem.newFile(itemId, name, folder(parentId).id(), size, mimeType, now()));
  }

  public void rename(String itemId, String newName) {
    items.put(existing(itemId).renamed(newName, now()));
  }

  /** New content for a file: a new cTag, and its folders' sizes follow. */
  public void rewrite(String itemId, long newSize) {
    DriveItem file = existing(itemId);
    if (file.folder()) {
      throw new IllegalArgumentException("not a file: " + itemId);
    }
    Instant at = now();
    items.put(file.rewritten(newSize, at));
    changedBelow(file.parentId(), newSize - file.size(), at);
  }

  /**
   * Moves an item (a folder with everything below it) into another folder of this drive; false if
   * it is there already.
   */
  public boolean move(String itemId, String newParentId) {
    DriveItem item = existing(itemId);
    DriveItem target = folder(newParentId);
    if (within(target.id(), item.id())) {
      throw new IllegalArgumentException("cannot move " + itemId + " below itself");
    }
    if (target.id().equals(item.parentId())) {
      return false;
    }
    Instant at = now();
    children.get(item.parentId()).remove(item.id());
    changedBelow(item.parentId(), -item.size(), at);
    items.put(item.movedTo(target.id(), at));
    children.get(target.id()).add(item.id());
    changedBelow(target.id(), item.size(), at);
    return true;
  }

  /** Deletes an item and everything below it; returns their ids, the item's first. */
  public List<String> delete(String itemId) {
    DriveItem item = existing(itemId);
    if (item.parentId() == null) {
      throw new IllegalArgumentException("the root cannot be deleted");
    }
    Instant at = now();
    List<String> deleted = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(item.id()));
    while (!pending.isEmpty()) {
      String next = pending.removeFirst();
      deleted.add(next);
      pending.addAll(children.getOrDefault(next, Set.of()));
      children.remove(next);
      items.remove(next, "deleted");
    }
    children.get(item.parentId()).remove(item.id());
    changedBelow(item.parentId(), -item.size(), at);
    return deleted;
  }

  /** Graph's drive resource. */
  public JsonObject toGraph() {
    DriveItem root = root();
    return new JsonObject()
        .put("id", id)
        .put("driveType", "business")
        .put("name", "OneDrive")
        .put("description", "")
        .put("createdDateTime", root.createdDateTime().toString())
        .put("lastModifiedDateTime", root.lastModifiedDateTime().toString())
        .put("webUrl", webUrl)
        .put("owner", new JsonObject().put("user", owner.copy()))
        .put(
            "quota",
            new JsonObject()
                .put("deleted", 0)
                .put("remaining", QUOTA - root.size())
                .put("state", "normal")
                .put("total", QUOTA)
                .put("used", root.size()));
  }

  /** Graph's driveItem resource. */
  public JsonObject itemJson(DriveItem item) {
    JsonObject json =
        new JsonObject()
            .put("id", item.id())
            .put("name", item.name())
            .put("eTag", item.eTag())
            .put("cTag", item.cTag())
            .put("size", item.size())
            .put("createdDateTime", item.createdDateTime().toString())
            .put("lastModifiedDateTime", item.lastModifiedDateTime().toString())
            .put("webUrl", webUrl(item))
            .put("createdBy", new JsonObject().put("user", owner.copy()))
            .put("lastModifiedBy", new JsonObject().put("user", owner.copy()))
            .put("parentReference", parentReference(item));
    if (item.folder()) {
      json.put("folder", new JsonObject().put("childCount", children.get(item.id()).size()));
    } else {
      json.put("file", new JsonObject().put("mimeType", item.mimeType()));
    }
    if (item.parentId() == null) {
      json.put("root", new JsonObject());
    }
    return json;
  }

  /** A deleted item in a delta feed: its id, the {@code deleted} facet and its last parent. */
  public JsonObject deletedJson(DriveItem item) {
    return new JsonObject()
        .put("id", item.id())
        .put("deleted", new JsonObject().put("state", "deleted"))
        .put("parentReference", parentReference(item));
  }

  private DriveItem add(DriveItem item) {
    items.put(item);
    children.get(item.parentId()).add(item.id());
    changedBelow(item.parentId(), item.size(), item.createdDateTime());
    return item;
  }

  /** Gives {@code folderId} and every folder above it the change below them. */
  private void changedBelow(String folderId, long sizeDelta, Instant at) {
    String next = folderId;
    while (next != null) {
      DriveItem folder = existing(next);
      items.put(folder.contentsChanged(sizeDelta, at));
      next = folder.parentId();
    }
  }

  private DriveItem existing(String itemId) {
    return item(itemId).orElseThrow(() -> new IllegalArgumentException("no such item: " + itemId));
  }

  private DriveItem folder(String folderId) {
    DriveItem folder = existing(folderId);
    if (!folder.folder()) {
      throw new IllegalArgumentException("not a folder: " + folderId);
    }
    return folder;
  }

  private JsonObject parentReference(DriveItem item) {
    JsonObject reference = new JsonObject().put("driveId", id).put("driveType", "business");
    if (item.parentId() != null) {
      reference.put("id", item.parentId());
    }
    return reference;
  }

  /** The library's URL and the item's path below the root. */
  private String webUrl(DriveItem item) {
    Deque<String> path = new ArrayDeque<>();
    for (DriveItem at = item; at.parentId() != null; at = existing(at.parentId())) {
      path.addFirst(URLEncoder.encode(at.name(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.isEmpty() ? webUrl : webUrl + "/" + String.join("/", path);
  }

  /** The drive's clock: one minute per change since {@link #EPOCH}. */
  private Instant now() {
    return EPOCH.plus(items.sequence(), ChronoUnit.MINUTES);
  }
}
