package dev.o365connector.sync.resource;

import static dev.o365connector.contracts.Resource.MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mailboxes — folder trees and every folder's messages — through auth-service, the gateway and the
 * simulator, checked against the simulator's ground truth as a consumer applying docs/events.md
 * would hold it.
 */
@QuarkusTest
class MailSyncIT {

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();

  @Test
  void everyMailboxOfTheTenantFullyThenAfterRandomMutations() {
    String installation = syncs.applicationInstall(installations);

    JsonObject full = syncs.finalStatus(syncs.sync(installation, "FULL", MAIL));
    assertThat(full.getString("state")).as(full.encode()).isEqualTo("SUCCEEDED");
    assertThat(syncs.live(MAIL, installation)).isEqualTo(syncs.truth(MAIL)).isNotEmpty();
    // The demo tenant's last user has no mailbox: skipped and counted, not a failure.
    assertThat(full.getJsonObject("counts").getJsonObject("mail").getLong("skippedOwners"))
        .isEqualTo(1);

    JsonObject mutated =
        syncs.mutate(
            "{\"messages\":{\"create\":6,\"update\":4,\"delete\":3,\"move\":4},"
                + "\"mailFolders\":{\"create\":2,\"delete\":1}}");
    String incremental = syncs.sync(installation, "INCREMENTAL", MAIL);
    JsonObject status = syncs.finalStatus(incremental);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    Set<String> live = syncs.live(MAIL, installation);
    Set<String> truth = syncs.truth(MAIL);
    assertThat(live)
        .as(() -> mutated.encode() + "\n" + syncs.differences(MAIL, installation, live, truth))
        .isEqualTo(truth);
    List<JsonObject> events = syncs.events(MAIL, installation, incremental);
    assertThat(events)
        .extracting(e -> e.getString("objectType") + " " + e.getString("op"))
        .contains("message UPSERT", "message DELETE", "mailFolder UPSERT", "mailFolder DELETE");
  }

  @Test
  void aMovedMessageIsOneUpsertInItsNewFolderWhicheverFolderIsReadFirst() {
    String installation = syncs.applicationInstall(installations);
    assertThat(syncs.finalStatus(syncs.sync(installation, "FULL", MAIL)).getString("state"))
        .isEqualTo("SUCCEEDED");

    // Folders are read in id order: one message moves to a folder read before its own, one to a
    // folder read after it.
    List<JsonObject> truth = syncs.truthEntries(MAIL, "");
    String owner =
        truth.stream()
            .filter(e -> e.getString("objectType").equals("message"))
            .findFirst()
            .get()
            .getString("ownerId");
    List<String> folders = foldersOf(truth, owner);
    String earlier = folders.get(0);
    String later = folders.get(folders.size() - 1);
    List<JsonObject> messages =
        truth.stream()
            .filter(e -> e.getString("objectType").equals("message"))
            .filter(e -> e.getString("ownerId").equals(owner))
            .toList();
    JsonObject message =
        messages.stream()
            .filter(e -> !e.getString("containerId").equals(earlier))
            .findFirst()
            .get();
    JsonObject other =
        messages.stream()
            .filter(e -> !e.getString("containerId").equals(later))
            .filter(e -> !e.getString("id").equals(message.getString("id")))
            .findFirst()
            .get();
    syncs.mutate(
        new JsonObject()
            .put(
                "messages",
                new JsonObject()
                    .put(
                        "move",
                        List.of(
                            new JsonObject().put("id", message.getString("id")).put("to", earlier),
                            new JsonObject().put("id", other.getString("id")).put("to", later))))
            .encode());

    String incremental = syncs.sync(installation, "INCREMENTAL", MAIL);
    assertThat(syncs.finalStatus(incremental).getString("state")).isEqualTo("SUCCEEDED");
    List<JsonObject> events = syncs.events(MAIL, installation, incremental);
    assertThat(of(events, message.getString("id"))).containsExactly("UPSERT " + earlier);
    assertThat(of(events, other.getString("id"))).containsExactly("UPSERT " + later);
    assertThat(syncs.live(MAIL, installation)).isEqualTo(syncs.truth(MAIL));
  }

  @Test
  void expiredDeltaTokensResyncTheFolderTreeAndEachFolderBetweenMarkers() {
    String installation = syncs.applicationInstall(installations);
    String resync =
        syncs.resyncAfterExpiry(installation, MAIL, "{\"messages\":{\"create\":3,\"delete\":2}}");
    List<JsonObject> markers = syncs.markers(MAIL, installation, resync);
    // One per folder tree and one per folder, each naming what is being read again.
    assertThat(markers)
        .extracting(m -> m.getString("objectType"))
        .contains("mailFolder", "message");
    assertThat(markers)
        .filteredOn(m -> m.getString("objectType").equals("message"))
        .allSatisfy(m -> assertThat(m.getString("containerId")).isNotBlank());
    assertThat(syncs.live(MAIL, installation)).isEqualTo(syncs.truth(MAIL));
  }

  private static List<String> foldersOf(List<JsonObject> truth, String owner) {
    return truth.stream()
        .filter(e -> e.getString("objectType").equals("mailFolder"))
        .filter(e -> e.getString("ownerId").equals(owner))
        .map(e -> e.getString("id"))
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  private static List<String> of(List<JsonObject> events, String messageId) {
    return events.stream()
        .filter(e -> messageId.equals(e.getString("objectId")))
        .map(e -> e.getString("op") + " " + e.getString("containerId"))
        .toList();
  }
}
