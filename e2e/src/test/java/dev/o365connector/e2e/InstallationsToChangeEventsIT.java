package dev.o365connector.e2e;

import static dev.o365connector.contracts.Resource.CALENDAR;
import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Both kinds of installation, from the consent flow through auth-service to the change events the
 * sync-worker publishes, with every part a process of its own; what a consumer ends up holding is
 * compared with the simulator's ground truth.
 */
class InstallationsToChangeEventsIT {

  private final Platform platform = new Platform(WholeSystem.shared());

  @Test
  void anAdminInstallsForTheTenantAndEveryResourceArrivesThenItsChanges() {
    String installation = platform.installApplication();
    long started = System.nanoTime();
    JsonObject full = platform.succeeded(platform.sync(installation, "FULL", Resource.values()));
    for (Resource resource : Resource.values()) {
      assertThat(platform.live(resource, installation))
          .as(resource.value())
          .isEqualTo(platform.truth(resource))
          .isNotEmpty();
    }
    report("APPLICATION FULL", full, started);

    platform
        .tenant()
        .mutate(
            "{\"users\":{\"create\":1},\"messages\":{\"create\":4,\"update\":2,\"delete\":2,"
                + "\"move\":2},\"events\":{\"create\":2,\"delete\":1},"
                + "\"driveItems\":{\"create\":2,\"delete\":1}}");
    started = System.nanoTime();
    JsonObject incremental =
        platform.succeeded(platform.sync(installation, "INCREMENTAL", Resource.values()));
    for (Resource resource : Resource.values()) {
      assertThat(platform.live(resource, installation))
          .as(resource.value())
          .isEqualTo(platform.truth(resource));
    }
    report("APPLICATION INCREMENTAL", incremental, started);
  }

  @Test
  void aUserInstallsForThemselvesAndTheirOwnDataArrives() {
    String installation = platform.installDelegated(USERS, MAIL, CALENDAR, FILES);
    long started = System.nanoTime();
    String full = platform.sync(installation, "FULL", USERS, MAIL, CALENDAR, FILES);
    JsonObject status = platform.succeeded(full);

    Set<String> owners =
        platform.traffic().events(MAIL, installation, full).stream()
            .map(e -> e.getString("ownerId"))
            .collect(Collectors.toSet());
    assertThat(owners).hasSize(1);
    String me = owners.iterator().next();
    assertThat(platform.live(USERS, installation)).isEqualTo(platform.truth(USERS));
    for (Resource resource : new Resource[] {MAIL, CALENDAR, FILES}) {
      assertThat(platform.live(resource, installation))
          .as(resource.value())
          .isEqualTo(platform.truthOf(resource, me))
          .isNotEmpty();
    }
    report("DELEGATED FULL", status, started);
  }

  /** What the scenario measured, in the test output: the run's counts and time; nothing lost. */
  private static void report(String what, JsonObject status, long started) {
    System.out.printf(
        "[measured] %s: %s in %.1f s; lost 0 (every resource equals the ground truth)%n",
        what, status.getJsonObject("counts").encode(), (System.nanoTime() - started) / 1e9);
  }
}
