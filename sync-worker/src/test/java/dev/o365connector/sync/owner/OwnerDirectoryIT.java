package dev.o365connector.sync.owner;

import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The owners of an APPLICATION installation's mail, calendar and files come from the tenant's user
 * directory, followed with {@code /users/delta} from a stored cursor instead of listing {@code
 * /users} every run: counted at the simulator, an INCREMENTAL run with nothing changed costs one
 * Graph request per scope; joiners and leavers reach mail-only runs; an expired token starts the
 * directory over.
 */
@QuarkusTest
class OwnerDirectoryIT {

  private static final String DIRECTORY = "/v1.0/users/delta";
  private static final String USER_LISTING = "/v1.0/users";

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();

  @Test
  void anIncrementalMailSyncWithNoChangesCostsOneGraphRequestPerScope() {
    String installation = syncs.applicationInstall(installations);
    succeeded(syncs.sync(installation, "FULL", MAIL));

    JsonObject status = succeeded(syncs.sync(installation, "INCREMENTAL", MAIL));

    List<JsonObject> requests = syncs.graphRequestsDuring(status);
    long users = syncs.truth(USERS).size();
    long folders =
        syncs.truthEntries(MAIL, "").stream()
            .filter(e -> e.getString("objectType").equals("mailFolder"))
            .count();
    // The scopes: the owner directory, each user's folder tree (the user without a mailbox answers
    // it with a 404) and each folder's messages.
    assertThat(byRoute(requests))
        .as(requests.toString())
        .containsOnly(
            entry("GET " + DIRECTORY, 1L),
            entry("GET mailFolders/delta", users),
            entry("GET messages/delta", folders));
    assertThat(status.getJsonObject("counts").getJsonObject("mail").getLong("graphRequests"))
        .isEqualTo(requests.size());
  }

  @Test
  void mailOnlyRunsPickUpAJoinerAndDropALeaverWithoutListingUsers() {
    String installation = syncs.applicationInstall(installations);
    String full = syncs.sync(installation, "FULL", MAIL);
    succeeded(full);
    String leaver = aUserWithMailboxAndDrive();
    assertThat(cursorOwners(installation)).contains(leaver);

    String joiner = replace(leaver);
    String incremental = syncs.sync(installation, "INCREMENTAL", MAIL);
    JsonObject status = succeeded(incremental);

    List<JsonObject> requests = syncs.graphRequestsDuring(status);
    assertThat(paths(requests)).doesNotContain(USER_LISTING);
    assertThat(paths(requests)).filteredOn(DIRECTORY::equals).hasSize(1);
    assertThat(paths(requests)).noneMatch(path -> path.contains(leaver));
    // The leaver's mailbox, calendar and drive cursors went with them, although no users sync ran.
    assertThat(cursorOwners(installation)).doesNotContain(leaver).contains(joiner);
    assertThat(syncs.events(MAIL, installation, incremental))
        .noneMatch(e -> leaver.equals(e.getString("ownerId")));
    assertThat(syncs.truth(MAIL, "", e -> e.getString("ownerId").equals(joiner)))
        .isNotEmpty()
        .isSubsetOf(syncs.live(MAIL, installation));
    // A consumer drops what it holds of the leaver (their user DELETE); the rest is the truth.
    Set<String> held = new HashSet<>(syncs.live(MAIL, installation));
    held.removeAll(ownedBy(installation, full, leaver));
    assertThat(held).isEqualTo(syncs.truth(MAIL));
  }

  @Test
  void anExpiredDirectoryTokenStartsTheDirectoryOverAndReplacesItsSet() {
    String installation = syncs.applicationInstall(installations);
    succeeded(syncs.sync(installation, "FULL", MAIL));
    String leaver = aUserWithMailboxAndDrive();

    // The leaver leaves while the token is expired: the directory's fresh round never reports them
    // as removed, they are simply not in it.
    syncs.expireDeltaTokens();
    String joiner = replace(leaver);
    String incremental = syncs.sync(installation, "INCREMENTAL", MAIL);
    JsonObject status = succeeded(incremental);

    List<JsonObject> directoryRounds =
        syncs.graphRequestsDuring(status).stream()
            .filter(r -> r.getString("path").equals(DIRECTORY))
            .toList();
    assertThat(directoryRounds).extracting(r -> r.getInteger("status")).startsWith(410, 200);
    assertThat(directoryRounds.get(1).getString("query")).contains("select=id");
    assertThat(paths(syncs.graphRequestsDuring(status))).doesNotContain(USER_LISTING);
    assertThat(cursorOwners(installation)).doesNotContain(leaver).contains(joiner);
    assertThat(syncs.cursors(installation))
        .filteredOn(c -> c.getString("resource").equals("users"))
        .extracting(c -> c.getString("container") + " " + c.getBoolean("roundComplete"))
        .contains("owners true");
    // Every other mailbox was read again between markers; the leaver's was not read at all.
    assertThat(status.getBoolean("resync")).isTrue();
    assertThat(syncs.markers(MAIL, installation, incremental))
        .isNotEmpty()
        .noneMatch(m -> leaver.equals(m.getString("ownerId")));
    assertThat(syncs.truth(MAIL, "", e -> e.getString("ownerId").equals(joiner)))
        .isNotEmpty()
        .isSubsetOf(syncs.live(MAIL, installation));
  }

  private JsonObject succeeded(String requestId) {
    JsonObject status = syncs.finalStatus(requestId);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    return status;
  }

  /**
   * A user with a mailbox and a drive, the last by id: other tests count the users without either,
   * and a DELEGATED sign-in takes the first.
   */
  private String aUserWithMailboxAndDrive() {
    Set<String> withDrive =
        syncs.truthEntries(FILES, "").stream()
            .map(e -> e.getString("ownerId"))
            .collect(Collectors.toSet());
    return syncs.truthEntries(MAIL, "").stream()
        .map(e -> e.getString("ownerId"))
        .filter(withDrive::contains)
        .max(String::compareTo)
        .orElseThrow();
  }

  /** Deletes {@code leaver} from the tenant and creates a user in their place; the new id. */
  private String replace(String leaver) {
    JsonObject changed =
        syncs.mutate(
            new JsonObject()
                .put("users", new JsonObject().put("delete", List.of(leaver)).put("create", 1))
                .encode());
    return changed.getJsonObject("users").getJsonArray("created").getString(0);
  }

  private Set<String> cursorOwners(String installation) {
    return syncs.cursors(installation).stream()
        .map(c -> c.getString("owner"))
        .filter(owner -> owner != null)
        .collect(Collectors.toSet());
  }

  private Set<String> ownedBy(String installation, String requestId, String owner) {
    return syncs.events(MAIL, installation, requestId).stream()
        .filter(e -> owner.equals(e.getString("ownerId")))
        .map(e -> e.getString("objectId"))
        .collect(Collectors.toSet());
  }

  private static List<String> paths(List<JsonObject> requests) {
    return requests.stream().map(r -> r.getString("path")).toList();
  }

  /** Requests by route: the directory and the user listing as they are, mail by delta kind. */
  private static Map<String, Long> byRoute(List<JsonObject> requests) {
    return requests.stream()
        .collect(
            Collectors.groupingBy(
                r -> {
                  String path = r.getString("path");
                  String route =
                      path.endsWith("/mailFolders/delta")
                          ? "mailFolders/delta"
                          : path.endsWith("/messages/delta") ? "messages/delta" : path;
                  return r.getString("method") + " " + route;
                },
                Collectors.counting()));
  }
}
