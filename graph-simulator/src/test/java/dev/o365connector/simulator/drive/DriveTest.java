package dev.o365connector.simulator.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.drive.model.Drive;
import dev.o365connector.simulator.drive.model.DriveItem;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class DriveTest {

  private static final User OWNER =
      new User(
          "u-1",
          "adelev@contoso.onmicrosoft.com",
          "Adele Vance",
          "Adele",
          "Vance",
          "Employee",
          true,
          true,
          1);

  private static final String A = id(1);
  private static final String B = id(2);
  private static final String C = id(3);
  private static final String D = id(4);
  private static final String E = id(5);

  private final Ids ids = new Ids(7);
  private final DriveSeeder seeder = new DriveSeeder(ids);

  @Test
  void seedsTheRequestedNumberOfItemsBelowTheRootRepeatably() {
    Drive drive = seeder.drive(OWNER, 60);
    Drive again = new DriveSeeder(new Ids(7)).drive(OWNER, 60);

    assertThat(drive.items().size()).isEqualTo(61);
    assertThat(drive.id()).startsWith("b!");
    assertThat(drive.children(drive.root().id()))
        .extracting(DriveItem::name)
        .contains("Documents", "Pictures", "Projects");
    assertThat(drive.items().live().stream().map(drive::itemJson).toList())
        .isEqualTo(again.items().live().stream().map(again::itemJson).toList());
    assertThat(new DriveSeeder(ids).drive(OWNER, 0).items().size()).isEqualTo(1);
  }

  @Test
  void foldersAddUpTheSizesBelowThemAndCountTheirChildren() {
    Drive drive = seeder.drive(OWNER, 0);
    DriveItem docs = drive.addFolder("root", A, "Docs");
    drive.addFile(docs.id(), B, "a.txt", 100, "text/plain");
    drive.addFile(docs.id(), C, "b.txt", 50, "text/plain");

    JsonObject root = drive.itemJson(drive.root());
    assertThat(root.getLong("size")).isEqualTo(150);
    assertThat(root.getJsonObject("root")).isEmpty();
    assertThat(root.getJsonObject("parentReference").containsKey("id")).isFalse();
    JsonObject folder = drive.itemJson(drive.item(docs.id()).orElseThrow());
    assertThat(folder.getJsonObject("folder").getInteger("childCount")).isEqualTo(2);
    assertThat(folder.getJsonObject("parentReference").getString("id"))
        .isEqualTo(drive.root().id());
    assertThat(folder.getString("webUrl"))
        .isEqualTo(
            "https://contoso-my.sharepoint.com/personal/adelev_contoso_onmicrosoft_com/Documents/Docs");
  }

  @Test
  void eTagChangesWithEveryVersionAndCTagOnlyWithContent() {
    Drive drive = seeder.drive(OWNER, 0);
    DriveItem folder = drive.addFolder("root", A, "Docs");
    DriveItem file = drive.addFile("root", B, "a.txt", 100, "text/plain");
    String eTag = file.eTag();
    String cTag = file.cTag();

    drive.rename(file.id(), "b.txt");
    DriveItem renamed = drive.item(file.id()).orElseThrow();
    assertThat(renamed.eTag()).isNotEqualTo(eTag);
    assertThat(renamed.cTag()).isEqualTo(cTag);

    drive.move(file.id(), folder.id());
    DriveItem moved = drive.item(file.id()).orElseThrow();
    assertThat(moved.eTag()).isNotEqualTo(renamed.eTag());
    assertThat(moved.cTag()).isEqualTo(cTag);
    assertThat(moved.version()).isEqualTo(3);

    drive.rewrite(file.id(), 500);
    DriveItem rewritten = drive.item(file.id()).orElseThrow();
    assertThat(rewritten.cTag()).isNotEqualTo(cTag);
    assertThat(rewritten.lastModifiedDateTime()).isAfter(file.lastModifiedDateTime());
    assertThat(drive.item(folder.id()).orElseThrow().size()).isEqualTo(500);
    assertThat(drive.root().size()).isEqualTo(500);
  }

  @Test
  void deletingAFolderDeletesEverythingBelowIt() {
    Drive drive = seeder.drive(OWNER, 0);
    DriveItem top = drive.addFolder("root", A, "Top");
    DriveItem nested = drive.addFolder(top.id(), B, "Nested");
    drive.addFile(nested.id(), C, "deep.txt", 10, "text/plain");
    drive.addFile(top.id(), D, "shallow.txt", 20, "text/plain");
    drive.addFile("root", E, "kept.txt", 5, "text/plain");

    assertThat(drive.delete(top.id())).containsExactlyInAnyOrder(A, B, C, D);

    assertThat(drive.items().live())
        .extracting(DriveItem::id)
        .containsExactlyInAnyOrder(drive.root().id(), E);
    assertThat(drive.root().size()).isEqualTo(5);
    assertThat(drive.children(drive.root().id())).extracting(DriveItem::id).containsExactly(E);
  }

  @Test
  void refusesMovesBelowItselfAndTouchingTheRoot() {
    Drive drive = seeder.drive(OWNER, 0);
    DriveItem top = drive.addFolder("root", A, "Top");
    DriveItem nested = drive.addFolder(top.id(), B, "Nested");
    DriveItem file = drive.addFile("root", C, "a.txt", 1, "text/plain");

    assertThatThrownBy(() -> drive.move(top.id(), nested.id()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> drive.move(top.id(), file.id()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> drive.delete(drive.root().id()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(drive.move(nested.id(), top.id())).isFalse();
  }

  private static String id(int n) {
    return DriveItem.idFor(String.format("00000000-0000-4000-8000-%012d", n));
  }
}
