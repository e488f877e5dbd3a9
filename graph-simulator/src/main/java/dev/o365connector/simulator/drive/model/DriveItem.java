package dev.o365connector.simulator.drive.model;

import dev.o365connector.simulator.delta.Versioned;
import java.time.Instant;
import java.util.Locale;

/**
 * A file or folder of a drive. {@code version} grows with every change (the eTag), {@code
 * contentVersion} only when its content does (the cTag); a folder's content is what lies below it,
 * and its {@code size} is their total, as OneDrive reports it.
 *
 * @param parentId null for the root
 * @param mimeType null for folders
 */
public record DriveItem(
    String id,
    String name,
    String parentId,
    boolean folder,
    long size,
    String mimeType,
    Instant createdDateTime,
    Instant lastModifiedDateTime,
    long version,
    long contentVersion)
    implements Versioned {

  /** OneDrive for Business item ids: {@code 01} and 32 characters derived from the item's GUID. */
  public static String idFor(String guid) {
    return "01" + guid.replace("-", "").toUpperCase(Locale.ROOT);
  }

  static DriveItem newFolder(String id, String name, String parentId, Instant at) {
    return new DriveItem(id, name, parentId, true, 0, null, at, at, 1, 1);
  }

  static DriveItem newFile(
      String id, String name, String parentId, long size, String mimeType, Instant at) {
    return new DriveItem(id, name, parentId, false, size, mimeType, at, at, 1, 1);
  }

  DriveItem renamed(String newName, Instant at) {
    return new DriveItem(
        id,
        newName,
        parentId,
        folder,
        size,
        mimeType,
        createdDateTime,
        at,
        version + 1,
        contentVersion);
  }

  DriveItem rewritten(long newSize, Instant at) {
    return new DriveItem(
        id,
        name,
        parentId,
        folder,
        newSize,
        mimeType,
        createdDateTime,
        at,
        version + 1,
        contentVersion + 1);
  }

  DriveItem movedTo(String newParentId, Instant at) {
    return new DriveItem(
        id,
        name,
        newParentId,
        folder,
        size,
        mimeType,
        createdDateTime,
        at,
        version + 1,
        contentVersion);
  }

  /** A folder after something below it was added, changed, moved or deleted. */
  DriveItem contentsChanged(long sizeDelta, Instant at) {
    return rewritten(size + sizeDelta, at);
  }

  /** Changes with every version, as SharePoint's {@code "{GUID},version"}. */
  public String eTag() {
    return "\"{" + guid() + "}," + version + "\"";
  }

  /** Changes only with the content, not with a rename or a move. */
  public String cTag() {
    return "\"c:{" + guid() + "}," + contentVersion + "\"";
  }

  private String guid() {
    String hex = id.substring(2);
    return String.join(
        "-",
        hex.substring(0, 8),
        hex.substring(8, 12),
        hex.substring(12, 16),
        hex.substring(16, 20),
        hex.substring(20));
  }
}
