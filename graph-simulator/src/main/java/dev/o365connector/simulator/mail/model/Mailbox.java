package dev.o365connector.simulator.mail.model;

import dev.o365connector.simulator.delta.DeltaCollection;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One user's mailbox: the folder hierarchy (a delta collection of its own, for {@code
 * mailFolders/delta}) and a delta collection of messages per folder. Guarded by the Directory's
 * lock like everything else.
 */
public final class Mailbox {

  /** Folders every mailbox has, in Outlook's order. */
  public static final List<String> WELL_KNOWN =
      List.of("inbox", "drafts", "sentitems", "deleteditems", "archive", "junkemail");

  private final String rootId;
  private final DeltaCollection<MailFolder> folders = new DeltaCollection<>();
  private final Map<String, DeltaCollection<Message>> messagesByFolder = new HashMap<>();
  private final Map<String, String> folderOfMessage = new HashMap<>();
  private final Map<String, String> wellKnown = new LinkedHashMap<>();

  public Mailbox(String rootId) {
    this.rootId = rootId;
  }

  public String rootId() {
    return rootId;
  }

  public DeltaCollection<MailFolder> folders() {
    return folders;
  }

  public void addFolder(MailFolder folder) {
    folders.put(folder);
    messagesByFolder.computeIfAbsent(folder.id(), id -> new DeltaCollection<>());
    if (folder.wellKnownName() != null) {
      wellKnown.put(folder.wellKnownName(), folder.id());
    }
  }

  /** A folder by id or well-known name ({@code inbox}, {@code sentitems}, ...). */
  public Optional<MailFolder> folder(String idOrName) {
    String id = wellKnown.getOrDefault(idOrName.toLowerCase(), idOrName);
    return folders.get(id);
  }

  /**
   * Removes a folder with every folder below it and all their messages (a hard delete: Outlook
   * deletes the whole subtree). Returns the removed folder ids, the named one first; none when no
   * live folder has that id.
   *
   * @throws IllegalArgumentException for a well-known folder, which Outlook refuses to delete
   */
  public List<String> deleteFolder(String folderId) {
    Optional<MailFolder> folder = folders.get(folderId);
    if (folder.isEmpty()) {
      return List.of();
    }
    if (folder.get().wellKnownName() != null) {
      throw new IllegalArgumentException("well-known folder " + folderId + " cannot be deleted");
    }
    List<String> removed = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(folderId));
    while (!pending.isEmpty()) {
      String id = pending.pop();
      // Children are found before their parent goes: childFolders only sees live folders.
      childFolders(id).forEach(child -> pending.push(child.id()));
      folders.remove(id, "deleted");
      DeltaCollection<Message> messages = messagesByFolder.get(id);
      for (Message message : messages.live()) {
        messages.remove(message.id(), "deleted");
        folderOfMessage.remove(message.immutableId());
      }
      removed.add(id);
    }
    return removed;
  }

  /**
   * Gives a folder a new version after its Graph form changed without it being edited (a child
   * folder came or went, so {@code childFolderCount} did), so folder delta carries the new count.
   * The root is no folder of the collection, so touching it does nothing.
   */
  public void touchFolder(String folderId) {
    folders.get(folderId).ifPresent(folder -> folders.put(folder.touched()));
  }

  public List<MailFolder> childFolders(String parentId) {
    return folders.live().stream().filter(f -> parentId.equals(f.parentFolderId())).toList();
  }

  /** The messages of one folder; empty for an unknown folder. */
  public Optional<DeltaCollection<Message>> messages(String folderId) {
    return folders.get(folderId).map(f -> messagesByFolder.get(f.id()));
  }

  public void putMessage(Message message) {
    String previousFolder = folderOfMessage.put(message.immutableId(), message.folderId());
    if (previousFolder != null && !previousFolder.equals(message.folderId())) {
      // A move leaves the old folder: its delta reports the message removed under its old id.
      messagesByFolder.get(previousFolder).remove(message.immutableId(), "deleted");
    }
    messagesByFolder.get(message.folderId()).put(message);
  }

  public boolean deleteMessage(String immutableId) {
    String folderId = folderOfMessage.remove(immutableId);
    return folderId != null && messagesByFolder.get(folderId).remove(immutableId, "deleted");
  }

  /** A message by immutable id or current REST id. */
  public Optional<Message> message(String anyId) {
    String folderId = folderOfMessage.get(anyId);
    if (folderId != null) {
      return messagesByFolder.get(folderId).get(anyId);
    }
    return allMessages().stream().filter(m -> m.restId().equals(anyId)).findFirst();
  }

  public List<Message> allMessages() {
    List<Message> all = new ArrayList<>();
    for (MailFolder folder : folders.live()) {
      all.addAll(messagesByFolder.get(folder.id()).live());
    }
    return all;
  }

  /** The folder collection and every folder's message collection, for token faults. */
  public List<DeltaCollection<?>> deltaCollections() {
    List<DeltaCollection<?>> all = new ArrayList<>();
    all.add(folders);
    all.addAll(messagesByFolder.values());
    return all;
  }

  /** Graph's mailFolder resource, with its counts. */
  public JsonObject folderJson(MailFolder folder) {
    List<Message> messages = messagesByFolder.get(folder.id()).live();
    return new JsonObject()
        .put("id", folder.id())
        .put("displayName", folder.displayName())
        .put("parentFolderId", folder.parentFolderId())
        .put("childFolderCount", childFolders(folder.id()).size())
        .put("unreadItemCount", messages.stream().filter(m -> !m.isRead()).count())
        .put("totalItemCount", messages.size())
        .put("isHidden", false);
  }
}
