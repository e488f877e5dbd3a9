package dev.o365connector.simulator.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.testing.ControlApi;
import dev.o365connector.simulator.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalendarMutationsTest {

  private static GraphSimulator sim;

  @BeforeAll
  static void start() {
    sim = new GraphSimulator(SimulatorConfig.defaults().withoutDemoTenant()).start();
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @Test
  void createdCalendarsAreListedInTheirGroupsAndTheGroupsVersionsReflectIt() {
    Tenant tenant = seed("ccreate");
    Map<String, Map<String, Object>> groupsBefore = byId(truth(tenant, "calendarGroup"));

    List<String> created =
        mutate(tenant, "{\"calendars\":{\"create\":40}}")
            .statusCode(200)
            .body("calendars.deleted", equalTo(List.of()))
            .extract()
            .jsonPath()
            .getList("calendars.created");

    assertThat(created).hasSize(40).doesNotHaveDuplicates();
    Map<String, Map<String, Object>> calendars = byId(truth(tenant, "calendar"));
    Map<String, Map<String, Object>> groups = byId(truth(tenant, "calendarGroup"));
    assertThat(calendars).containsKeys(created.toArray(String[]::new));
    assertThat(listedCalendars(tenant)).containsAll(created);
    for (String id : created) {
      Map<String, Object> calendar = calendars.get(id);
      String group = String.valueOf(calendar.get("containerId"));
      assertThat(groups).containsKey(group);
      assertThat(groupCalendars(tenant, String.valueOf(calendar.get("ownerId")), group))
          .contains(id);
      if (groupsBefore.containsKey(group)) {
        assertThat((Integer) groups.get(group).get("version"))
            .as("group %s got a calendar", group)
            .isGreaterThan((Integer) groupsBefore.get(group).get("version"));
      }
    }
    assertThat(groups.keySet())
        .as("now and then a calendar comes in a new group")
        .hasSizeGreaterThan(groupsBefore.size());
  }

  @Test
  void deletingCalendarsRemovesThemFromListingsAndSparesTheDefault() {
    Tenant tenant = seed("cdelete");
    mutate(tenant, "{\"calendars\":{\"create\":4}}").statusCode(200);
    Map<String, Map<String, Object>> before = byId(truth(tenant, "calendar"));
    Map<String, Map<String, Object>> groupsBefore = byId(truth(tenant, "calendarGroup"));

    List<String> deleted =
        mutate(tenant, "{\"calendars\":{\"delete\":100}}")
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("calendars.deleted");

    // Each user keeps only the default calendar; "Birthdays" and the created ones went.
    assertThat(deleted).hasSize(before.size() - 2).doesNotHaveDuplicates();
    Set<String> left = byId(truth(tenant, "calendar")).keySet();
    assertThat(left).hasSize(2).doesNotContainAnyElementsOf(deleted);
    assertThat(listedCalendars(tenant)).isEqualTo(left);
    Map<String, Map<String, Object>> groups = byId(truth(tenant, "calendarGroup"));
    for (String id : deleted) {
      String group = String.valueOf(before.get(id).get("containerId"));
      assertThat((Integer) groups.get(group).get("version"))
          .as("group %s lost a calendar", group)
          .isGreaterThan((Integer) groupsBefore.get(group).get("version"));
    }

    String primary = left.iterator().next();
    mutate(tenant, "{\"calendars\":{\"delete\":[\"" + primary + "\"]}}")
        .statusCode(400)
        .body("error", containsString(primary));
    mutate(tenant, "{\"calendars\":{\"delete\":[\"no-such-calendar\"]}}")
        .statusCode(400)
        .body("error", containsString("no-such-calendar"));
    mutate(tenant, "{\"calendars\":{\"move\":1}}")
        .statusCode(400)
        .body("error", containsString("move"));
    assertThat(byId(truth(tenant, "calendar")).keySet()).isEqualTo(left);
  }

  @Test
  void theSameSeedGivesTheSameChanges() {
    String spec = "{\"calendars\":{\"create\":5,\"delete\":3}}";
    try (GraphSimulator a = new GraphSimulator(SimulatorConfig.defaults()).start();
        GraphSimulator b = new GraphSimulator(SimulatorConfig.defaults()).start()) {
      assertThat(ControlApi.demoMutation(a, spec, "calendars", "calendar"))
          .isEqualTo(ControlApi.demoMutation(b, spec, "calendars", "calendar"));
    }
  }

  private static ValidatableResponse mutate(Tenant tenant, String body) {
    return ControlApi.mutate(sim, tenant.id(), body);
  }

  private static List<Map<String, Object>> truth(Tenant tenant, String objectType) {
    return ControlApi.truth(sim, tenant.id(), "calendar", objectType);
  }

  private static Tenant seed(String name) {
    return new Seeder(sim.context().directory())
        .seedTenant(new SeedSpec(name, 2, 0, 0, 0, 0, 5, 0));
  }

  /** Every calendar {@code GET /users/{id}/calendars} lists, over all users. */
  private static Set<String> listedCalendars(Tenant tenant) {
    String token = TestTokens.app(sim.context(), tenant.id(), "Calendars.Read");
    List<User> users = sim.context().directory().locked(() -> tenant.users().live());
    return users.stream()
        .flatMap(
            u ->
                given()
                    .auth()
                    .oauth2(token)
                    .get(sim.graphBaseUrl() + "/users/" + u.id() + "/calendars")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .<String>getList("value.id")
                    .stream())
        .collect(Collectors.toSet());
  }

  private static List<String> groupCalendars(Tenant tenant, String userId, String groupId) {
    return given()
        .auth()
        .oauth2(TestTokens.app(sim.context(), tenant.id(), "Calendars.Read"))
        .get(sim.graphBaseUrl() + "/users/" + userId + "/calendarGroups/" + groupId + "/calendars")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("value.id");
  }

  private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> truth) {
    return truth.stream()
        .collect(Collectors.toMap(t -> String.valueOf(t.get("id")), Function.identity()));
  }
}
