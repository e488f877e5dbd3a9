package dev.o365connector.sync.resource;

import static dev.o365connector.contracts.Resource.FILES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every user's OneDrive, fanned out over the tenant, against the simulator's ground truth. */
@QuarkusTest
class FilesSyncIT {

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();

  @Test
  void everyDriveOfTheTenantFullyThenIncrementally() {
    String installation = syncs.applicationInstall(installations);

    JsonObject full = syncs.finalStatus(syncs.sync(installation, "FULL", FILES));
    assertThat(full.getString("state")).as(full.encode()).isEqualTo("SUCCEEDED");
    assertThat(syncs.live(FILES, installation)).isEqualTo(syncs.truth(FILES)).isNotEmpty();

    syncs.mutate("{\"driveItems\":{\"create\":5,\"update\":3,\"delete\":2,\"move\":2}}");
    JsonObject incremental = syncs.finalStatus(syncs.sync(installation, "INCREMENTAL", FILES));
    assertThat(incremental.getString("state")).as(incremental.encode()).isEqualTo("SUCCEEDED");
    assertThat(syncs.live(FILES, installation)).isEqualTo(syncs.truth(FILES));
    JsonObject counts = incremental.getJsonObject("counts").getJsonObject("files");
    assertThat(counts.getLong("upserts")).isPositive();
    assertThat(counts.getLong("deletes")).isPositive();
  }

  @Test
  void expiredDeltaTokensResyncEachDriveBetweenMarkers() {
    String installation = syncs.applicationInstall(installations);
    String resync =
        syncs.resyncAfterExpiry(
            installation, FILES, "{\"driveItems\":{\"create\":2,\"delete\":2}}");
    assertThat(syncs.markers(FILES, installation, resync))
        .extracting(m -> m.getString("objectType"))
        .containsOnly("driveItem")
        .isNotEmpty();
    // Deletes made while the tokens were expired are swept by the consumer after the resync.
    assertThat(syncs.live(FILES, installation)).isEqualTo(syncs.truth(FILES));
  }
}
