package dev.o365connector.simulator.drive;

import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.drive.model.Drive;
import dev.o365connector.simulator.drive.model.DriveItem;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Builds OneDrives: well-known and nested folders, files of plausible kinds, names and sizes. */
public final class DriveSeeder {

  private static final String[] FOLDER_NAMES = {
    "Documents",
    "Pictures",
    "Projects",
    "Project Alpha",
    "Archive",
    "Project Beta",
    "Camera Roll",
    "Specs"
  };

  /** The index in {@link #FOLDER_NAMES} of each folder's parent; -1 for the root. */
  private static final int[] FOLDER_PARENTS = {-1, -1, -1, 2, 0, 2, 1, 3};

  private static final Set<String> PICTURE_FOLDERS = Set.of("Pictures", "Camera Roll");

  private record Kind(
      String baseName, String extension, String mimeType, int minSize, int maxSize) {}

  private static final List<Kind> DOCUMENTS =
      List.of(
          new Kind(
              "Meeting notes",
              "docx",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              12_000,
              400_000),
          new Kind(
              "Budget",
              "xlsx",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              8_000,
              2_000_000),
          new Kind(
              "Quarterly review",
              "pptx",
              "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              150_000,
              9_000_000),
          new Kind("Contract", "pdf", "application/pdf", 40_000, 4_000_000),
          new Kind("Todo", "txt", "text/plain", 100, 20_000));

  private static final List<Kind> PICTURES =
      List.of(
          new Kind("IMG", "jpg", "image/jpeg", 300_000, 6_000_000),
          new Kind("Screenshot", "png", "image/png", 20_000, 2_000_000));

  private final Ids ids;

  public DriveSeeder(Ids ids) {
    this.ids = ids;
  }

  /** A drive of {@code owner} with {@code items} files and folders besides its root. */
  public Drive drive(User owner, int items) {
    Drive drive = new Drive(driveId(), identity(owner), webUrl(owner), DriveItem.idFor(ids.guid()));
    // About one item in eight is a folder: first the well-known ones, then nested "Folder n".
    int folders = items < 2 ? 0 : Math.max(1, items / 8);
    List<String> folderIds = new ArrayList<>();
    for (int i = 0; i < folders; i++) {
      String parent;
      String name;
      if (i < FOLDER_NAMES.length) {
        name = FOLDER_NAMES[i];
        parent = FOLDER_PARENTS[i] < 0 ? drive.root().id() : folderIds.get(FOLDER_PARENTS[i]);
      } else {
        name = "Folder " + (i - FOLDER_NAMES.length + 1);
        parent = folderIds.get(ids.nextInt(folderIds.size()));
      }
      folderIds.add(drive.addFolder(parent, DriveItem.idFor(ids.guid()), name).id());
    }
    for (int i = folders; i < items; i++) {
      // A quarter of the files sit at the top, the rest spread over the folders.
      boolean top = folderIds.isEmpty() || ids.nextInt(4) == 0;
      newFile(drive, top ? drive.root().id() : folderIds.get(ids.nextInt(folderIds.size())));
    }
    return drive;
  }

  /** A new file in {@code parentId}: pictures in picture folders, office documents elsewhere. */
  public DriveItem newFile(Drive drive, String parentId) {
    Kind kind = kind(drive, parentId);
    return add(
        drive, parentId, kind, kind.minSize() + ids.nextInt(kind.maxSize() - kind.minSize()));
  }

  /** A new file of {@code size} bytes in {@code parentId}, of a kind that suits the folder. */
  public DriveItem newFile(Drive drive, String parentId, long size) {
    return add(drive, parentId, kind(drive, parentId), size);
  }

  private Kind kind(Drive drive, String parentId) {
    boolean pictures = PICTURE_FOLDERS.contains(drive.item(parentId).orElseThrow().name());
    List<Kind> kinds = pictures ? PICTURES : DOCUMENTS;
    return kinds.get(ids.nextInt(kinds.size()));
  }

  private DriveItem add(Drive drive, String parentId, Kind kind, long size) {
    // The drive's change sequence keeps names unique within the drive.
    String name = kind.baseName() + " " + drive.items().sequence() + "." + kind.extension();
    return drive.addFile(parentId, DriveItem.idFor(ids.guid()), name, size, kind.mimeType());
  }

  public DriveItem newFolder(Drive drive, String parentId) {
    return drive.addFolder(
        parentId, DriveItem.idFor(ids.guid()), "Folder " + drive.items().sequence());
  }

  /** {@code b!} and URL-safe base64, as OneDrive for Business drive ids look. */
  private String driveId() {
    ByteBuffer bytes = ByteBuffer.allocate(32);
    for (int i = 0; i < 2; i++) {
      UUID uuid = UUID.fromString(ids.guid());
      bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    }
    return "b!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  /** Graph's identity of the owner, as the drive and its items show who owns and wrote them. */
  private static JsonObject identity(User owner) {
    return new JsonObject()
        .put("id", owner.id())
        .put("displayName", owner.displayName())
        .put("email", owner.userPrincipalName());
  }

  /** The owner's personal site's document library, e.g. contoso-my.sharepoint.com/personal/... */
  private static String webUrl(User owner) {
    String upn = owner.userPrincipalName();
    String domain = upn.substring(upn.indexOf('@') + 1);
    String tenantName = domain.substring(0, domain.indexOf('.'));
    return "https://"
        + tenantName
        + "-my.sharepoint.com/personal/"
        + upn.replace('@', '_').replace('.', '_')
        + "/Documents";
  }
}
