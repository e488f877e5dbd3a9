package dev.o365connector.sync.resource;

import static dev.o365connector.contracts.Resource.CALENDAR;
import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A DELEGATED installation: one signed-in user's mailbox, calendar and drive under {@code /me}, and
 * the directory they can read, each against the simulator's ground truth for that user.
 */
@QuarkusTest
class DelegatedSyncIT {

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();

  @Test
  void theSignedInUsersDataUnderMe() {
    String installation = syncs.delegatedInstall(installations, USERS, MAIL, CALENDAR, FILES);

    String full = syncs.sync(installation, "FULL", USERS, MAIL, CALENDAR, FILES);
    JsonObject status = syncs.finalStatus(full);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    assertThat(syncs.live(USERS, installation)).isEqualTo(syncs.truth(USERS));

    Set<String> owners = ownersIn(installation, full, MAIL);
    assertThat(owners).hasSize(1);
    String me = owners.iterator().next();
    assertThat(ownersIn(installation, full, CALENDAR)).containsExactly(me);
    assertThat(ownersIn(installation, full, FILES)).containsExactly(me);

    assertThat(syncs.live(MAIL, installation)).isEqualTo(ofOwner(MAIL, "", me)).isNotEmpty();
    assertThat(syncs.live(CALENDAR, installation))
        .isEqualTo(ofOwner(CALENDAR, Syncs.calendarWindow(30, 365), me))
        .isNotEmpty();
    assertThat(syncs.live(FILES, installation)).isEqualTo(ofOwner(FILES, "", me)).isNotEmpty();

    // Who signed in was asked once (by the installation's first run) and is remembered since.
    JsonObject incremental =
        syncs.finalStatus(syncs.sync(installation, "INCREMENTAL", MAIL, FILES));
    assertThat(incremental.getString("state")).as(incremental.encode()).isEqualTo("SUCCEEDED");
    assertThat(syncs.graphRequestsDuring(incremental))
        .extracting(r -> r.getString("path"))
        .isNotEmpty()
        .doesNotContain("/v1.0/me")
        .allMatch(path -> path.startsWith("/v1.0/me/"));
  }

  @Test
  void mailAloneNeedsNoDirectoryPermissionTheEventNamesTheUser() {
    String installation = syncs.delegatedInstall(installations, MAIL);

    String full = syncs.sync(installation, "FULL", MAIL);
    JsonObject status = syncs.finalStatus(full);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    Set<String> owners = ownersIn(installation, full, MAIL);
    assertThat(owners).hasSize(1);
    assertThat(syncs.live(MAIL, installation))
        .isEqualTo(ofOwner(MAIL, "", owners.iterator().next()))
        .isNotEmpty();
    assertThat(syncs.graphRequestsDuring(status))
        .extracting(r -> r.getString("path"))
        .doesNotContain("/v1.0/me");
  }

  private Set<String> ownersIn(String installation, String requestId, Resource resource) {
    return syncs.events(resource, installation, requestId).stream()
        .map(e -> e.getString("ownerId"))
        .collect(Collectors.toSet());
  }

  private Set<String> ofOwner(Resource resource, String query, String owner) {
    return syncs.truth(resource, query, e -> owner.equals(e.getString("ownerId")));
  }
}
