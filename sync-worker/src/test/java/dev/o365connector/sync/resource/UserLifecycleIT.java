package dev.o365connector.sync.resource;

import static dev.o365connector.contracts.Resource.CALENDAR;
import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static dev.o365connector.contracts.Resource.USERS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A user leaving the tenant takes their mailbox, calendar and drive cursors with them (and
 * consumers drop their data by {@code ownerId}); a user joining is picked up by the next sync.
 */
@QuarkusTest
class UserLifecycleIT {

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();

  @Test
  void aLeaverIsDeletedWithTheirCursorsAndAJoinerIsSynced() {
    String installation = syncs.applicationInstall(installations);
    String full = syncs.sync(installation, "FULL", USERS, MAIL, CALENDAR, FILES);
    assertThat(syncs.finalStatus(full).getString("state")).isEqualTo("SUCCEEDED");
    String leaver =
        syncs.events(MAIL, installation, full).stream()
            .map(e -> e.getString("ownerId"))
            .filter(owner -> owner.equals(ownerOf(FILES, installation, full, owner)))
            .findFirst()
            .orElseThrow();
    assertThat(cursorOwners(installation)).contains(leaver);

    JsonObject changed =
        syncs.mutate(
            new JsonObject()
                .put("users", new JsonObject().put("delete", List.of(leaver)).put("create", 1))
                .encode());
    String joiner = changed.getJsonObject("users").getJsonArray("created").getString(0);
    String next = syncs.sync(installation, "INCREMENTAL", USERS, MAIL, CALENDAR, FILES);
    JsonObject status = syncs.finalStatus(next);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");

    assertThat(syncs.events(USERS, installation, next))
        .extracting(e -> e.getString("op") + " " + e.getString("objectId"))
        .contains("DELETE " + leaver, "UPSERT " + joiner);
    Set<String> owners = cursorOwners(installation);
    assertThat(owners).doesNotContain(leaver).contains(joiner);
    // A consumer drops whatever it holds with the leaver's ownerId; then every resource matches.
    for (Resource resource : List.of(MAIL, FILES)) {
      Set<String> held = new HashSet<>(syncs.live(resource, installation));
      held.removeAll(ownedBy(resource, installation, full, leaver));
      assertThat(held).as(resource.value()).isEqualTo(syncs.truth(resource));
    }
    assertThat(syncs.truth(MAIL, "", e -> e.getString("ownerId").equals(joiner)))
        .isNotEmpty()
        .isSubsetOf(syncs.live(MAIL, installation));
  }

  private String ownerOf(Resource resource, String installation, String requestId, String owner) {
    return syncs.events(resource, installation, requestId).stream()
        .map(e -> e.getString("ownerId"))
        .filter(owner::equals)
        .findFirst()
        .orElse(null);
  }

  private Set<String> ownedBy(
      Resource resource, String installation, String requestId, String owner) {
    return syncs.events(resource, installation, requestId).stream()
        .filter(e -> owner.equals(e.getString("ownerId")))
        .map(e -> e.getString("objectId"))
        .collect(Collectors.toSet());
  }

  private Set<String> cursorOwners(String installation) {
    JsonArray cursors =
        new JsonObject(
                given()
                    .auth()
                    .oauth2(syncs.platformToken("platform-dev"))
                    .get("/installations/" + installation + "/sync-state")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
            .getJsonArray("cursors");
    return cursors.stream()
        .map(c -> ((JsonObject) c).getString("owner"))
        .filter(o -> o != null)
        .collect(Collectors.toSet());
  }
}
