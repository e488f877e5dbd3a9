package dev.o365connector.simulator.mail;

import dev.o365connector.simulator.delta.DeltaCollection;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
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

  /** Removes a folder and everything in it (a hard delete). */
  public boolean deleteFolder(String folderId) {
    if (!folders.remove(folderId, "deleted")) {
      return false;
    }
    DeltaCollection<Message> messages = messagesByFolder.get(folderId);
    for (Message message : messages.live()) {
      messages.remove(message.id(), "deleted");
      folderOfMessage.remove(message.immutableId());
    }
    return true;
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
