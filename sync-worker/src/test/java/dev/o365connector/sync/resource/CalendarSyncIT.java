package dev.o365connector.sync.resource;

import static dev.o365connector.contracts.Resource.CALENDAR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Calendars — groups and calendars by listing, the primary calendar's events through calendarView
 * delta over a window — against the simulator's ground truth for the same window.
 */
@QuarkusTest
class CalendarSyncIT {

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();

  @Test
  void everyCalendarOfTheTenantFullyThenAfterRandomMutations() {
    String installation = syncs.applicationInstall(installations);

    JsonObject full = syncs.finalStatus(syncs.sync(installation, "FULL", CALENDAR));
    assertThat(full.getString("state")).as(full.encode()).isEqualTo("SUCCEEDED");
    assertThat(syncs.live(CALENDAR, installation)).isEqualTo(truth(30, 365)).isNotEmpty();
    assertThat(full.getJsonObject("counts").getJsonObject("calendar").getLong("skippedOwners"))
        .isEqualTo(1);

    // Rescheduling moves some events out of the window and some in.
    syncs.mutate(
        "{\"events\":{\"create\":5,\"update\":6,\"delete\":2},"
            + "\"calendars\":{\"create\":2,\"delete\":1}}");
    String incremental = syncs.sync(installation, "INCREMENTAL", CALENDAR);
    JsonObject status = syncs.finalStatus(incremental);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    assertThat(syncs.live(CALENDAR, installation)).isEqualTo(truth(30, 365));
    assertThat(syncs.events(CALENDAR, installation, incremental))
        .extracting(e -> e.getString("objectType") + " " + e.getString("op"))
        .contains("event UPSERT", "event DELETE", "calendar UPSERT", "calendar DELETE");
  }

  @Test
  void anotherWindowReanchorsTheViewBetweenResyncMarkers() {
    String installation = syncs.applicationInstall(installations);
    assertThat(syncs.finalStatus(syncs.sync(installation, "FULL", CALENDAR)).getString("state"))
        .isEqualTo("SUCCEEDED");

    String narrower =
        syncs.sync(
            installation,
            new JsonObject()
                .put("mode", "INCREMENTAL")
                .put("calendarWindow", new JsonObject().put("pastDays", 90).put("futureDays", 180)),
            CALENDAR);
    JsonObject status = syncs.finalStatus(narrower);
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    assertThat(status.getBoolean("resync")).isTrue();
    assertThat(resyncedEvents(installation, narrower)).isEqualTo(truthEvents(90, 180)).isNotEmpty();
  }

  @Test
  void expiredDeltaTokensResyncTheView() {
    String installation = syncs.applicationInstall(installations);
    String resync =
        syncs.resyncAfterExpiry(installation, CALENDAR, "{\"events\":{\"create\":2,\"delete\":1}}");
    assertThat(resyncedEvents(installation, resync)).isEqualTo(truthEvents(30, 365));
    assertThat(syncs.live(CALENDAR, installation)).isEqualTo(truth(30, 365));
  }

  /**
   * The events a resync re-read: after resync.completed that is what the scope holds, whatever was
   * there before (docs/events.md).
   */
  private Set<String> resyncedEvents(String installation, String requestId) {
    assertThat(syncs.markers(CALENDAR, installation, requestId))
        .extracting(m -> m.getString("objectType"))
        .contains("event");
    return syncs.events(CALENDAR, installation, requestId).stream()
        .filter(e -> e.getString("objectType").equals("event") && e.getBoolean("resync"))
        .filter(e -> e.getString("op").equals("UPSERT"))
        .map(e -> e.getString("objectId"))
        .collect(Collectors.toSet());
  }

  private Set<String> truth(int pastDays, int futureDays) {
    return syncs.truth(CALENDAR, Syncs.calendarWindow(pastDays, futureDays), e -> true);
  }

  private Set<String> truthEvents(int pastDays, int futureDays) {
    return syncs.truth(
        CALENDAR,
        Syncs.calendarWindow(pastDays, futureDays),
        e -> e.getString("objectType").equals("event"));
  }
}
