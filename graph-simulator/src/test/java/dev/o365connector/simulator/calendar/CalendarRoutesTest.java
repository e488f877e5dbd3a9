package dev.o365connector.simulator.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.testing.DeltaClient;
import dev.o365connector.simulator.testing.DeltaClient.Round;
import dev.o365connector.simulator.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalendarRoutesTest {

  private static final String WINDOW =
      "startDateTime=2026-06-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z";

  private static GraphSimulator sim;
  private static Tenant tenant;
  private static User user;
  private static String token;

  @BeforeAll
  static void start() {
    sim = new GraphSimulator(SimulatorConfig.defaults().withoutDemoTenant()).start();
    tenant =
        new Seeder(sim.context().directory())
            .seedTenant(new SeedSpec("cal", 2, 0, 0, 0, 0, 300, 0));
    user = sim.context().directory().locked(() -> tenant.users().live().get(0));
    token = TestTokens.app(sim.context(), tenant.id(), "Calendars.Read");
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @Test
  void calendarsAndGroupsAreListed() {
    String base = sim.graphBaseUrl() + "/users/" + user.id();
    given()
        .auth()
        .oauth2(token)
        .get(base + "/calendars")
        .then()
        .statusCode(200)
        .body("value.name", hasItems("Calendar", "Birthdays"));
    given()
        .auth()
        .oauth2(token)
        .get(base + "/calendar")
        .then()
        .statusCode(200)
        .body("isDefaultCalendar", equalTo(true));
    String groupId =
        given()
            .auth()
            .oauth2(token)
            .get(base + "/calendarGroups")
            .then()
            .statusCode(200)
            .body("value.name", hasItems("My Calendars", "Other calendars"))
            .extract()
            .path("value[0].id");
    given()
        .auth()
        .oauth2(token)
        .get(base + "/calendarGroups/" + groupId + "/calendars")
        .then()
        .statusCode(200)
        .body("value", hasSize(1))
        .body("value[0].name", equalTo("Calendar"));
  }

  @Test
  void calendarViewNeedsAWindow() {
    given()
        .auth()
        .oauth2(token)
        .get(sim.graphBaseUrl() + "/users/" + user.id() + "/calendarView/delta")
        .then()
        .statusCode(400)
        .body("error.code", equalTo("ErrorInvalidParameter"));
    given()
        .auth()
        .oauth2(token)
        .get(sim.graphBaseUrl() + "/users/" + user.id() + "/calendarView")
        .then()
        .statusCode(400)
        .body("error.code", equalTo("ErrorInvalidParameter"));
  }

  @Test
  void windowedDeltaMatchesTheTruthAndReportsEventsLeavingTheWindowAsRemoved() {
    String start = sim.graphBaseUrl() + "/users/" + user.id() + "/calendarView/delta?" + WINDOW;
    Round first = DeltaClient.round(token, start, r -> r.header("Prefer", "odata.maxpagesize=13"));
    assertThat(first.asReplica().keySet()).isEqualTo(truthIds());
    assertThat(first.deltaLink()).doesNotContain("startDateTime");

    for (int round = 0; round < 4; round++) {
      given()
          .contentType("application/json")
          .body(
              new JsonObject()
                  .put(
                      "events",
                      new JsonObject().put("update", 40).put("create", 20).put("delete", 5))
                  .encode())
          .post(sim.baseUrl() + "/_sim/tenants/" + tenant.id() + "/mutations")
          .then()
          .statusCode(200);
      Map<String, Map<String, Object>> replica = first.asReplica();
      Round next = DeltaClient.round(token, first.deltaLink(), r -> r);
      next.applyTo(replica);
      assertThat(replica.keySet()).as("round %d", round).isEqualTo(truthIds());
      first = new Round(List.copyOf(replica.values()), next.deltaLink(), 0);
    }
  }

  @Test
  void calendarViewListsTheSameEventsAsTheDeltaSees() {
    int listed = 0;
    String url =
        sim.graphBaseUrl() + "/users/" + user.id() + "/calendarView?" + WINDOW + "&$top=50";
    while (url != null) {
      var page =
          given()
              .auth()
              .oauth2(token)
              .urlEncodingEnabled(false)
              .get(url)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      listed += page.getList("value").size();
      url = page.getString("'@odata.nextLink'");
    }
    assertThat(listed).isEqualTo(truthIds().size());
  }

  private static Set<String> truthIds() {
    List<Map<String, Object>> truth =
        given()
            .get(
                sim.baseUrl()
                    + "/_sim/tenants/"
                    + tenant.id()
                    + "/truth?resource=calendar&"
                    + WINDOW)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return truth.stream()
        .filter(t -> "event".equals(t.get("objectType")) && user.id().equals(t.get("ownerId")))
        .map(t -> String.valueOf(t.get("id")))
        .collect(Collectors.toSet());
  }
}
