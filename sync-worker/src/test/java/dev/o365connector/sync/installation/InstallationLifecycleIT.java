package dev.o365connector.sync.installation;

import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.USERS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;

import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Installations drive syncs: a new one is synced in full, an uninstalled one forgets its cursors.
 */
@QuarkusTest
class InstallationLifecycleIT {

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();

  @Test
  void anActiveInstallationGetsAnInitialFullSyncAndUninstallingDropsItsCursors() {
    String installation = syncs.applicationInstall(installations);

    JsonObject initial = syncs.finalStatusOfRunStartingWith("installation-" + installation + "-");
    assertThat(initial.getString("state")).as(initial.encode()).isEqualTo("SUCCEEDED");
    assertThat(initial.getJsonObject("counts").fieldNames()).contains("users", "files");
    assertThat(syncs.live(USERS, installation)).isEqualTo(syncs.truth(USERS));
    assertThat(syncs.live(FILES, installation)).isEqualTo(syncs.truth(FILES));

    syncs.uninstall(installation);
    String operator = syncs.platformToken("platform-dev");
    await()
        .atMost(Syncs.WAIT)
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(operator)
                    .get("/installations/" + installation + "/sync-state")
                    .then()
                    .statusCode(200)
                    .body("installationStatus", org.hamcrest.Matchers.equalTo("UNINSTALLED"))
                    .body("cursors", empty()));
  }
}
