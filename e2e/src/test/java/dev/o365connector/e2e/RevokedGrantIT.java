package dev.o365connector.e2e;

import static dev.o365connector.contracts.Resource.CALENDAR;
import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Topics;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user's refresh token revoked in the middle of their installation's sync (an admin ended their
 * sessions): auth-service finds out at its next refresh (every 2 s in the e2e build), announces
 * REAUTH_REQUIRED, the run fails with that reason, and another installation's run is unaffected.
 */
class RevokedGrantIT {

  private final Platform platform = new Platform(WholeSystem.shared());
  private final KafkaTestClient kafka =
      KafkaTestClient.of(platform.system().stack().kafkaBootstrapServers());
  private String slowGraph;

  @Test
  void theUsersRunFailsWithReauthRequiredAndTheOtherInstallationCompletes() {
    String other = platform.installApplication();
    String user = platform.installDelegated(MAIL, CALENDAR, FILES);
    String userId = platform.installs().installation(user).getString("userId");
    slowGraph =
        platform
            .tenant()
            .addFault(new JsonObject().put("pathRegex", "/delta").put("latencyMs", 300));
    String usersRun = platform.sync(user, "FULL", MAIL, CALENDAR, FILES);
    String othersRun = platform.sync(other, "FULL", MAIL, FILES);
    platform
        .traffic()
        .status(
            usersRun::equals,
            status -> "RUNNING".equals(status.getString("state")),
            Duration.ofSeconds(60),
            status -> {})
        .orElseThrow(() -> new AssertionError("the user's run never started"));

    platform.tenant().revokeRefreshTokens(userId);
    long revoked = System.nanoTime();
    JsonObject event =
        kafka
            .awaitRecord(
                Topics.INSTALLATIONS,
                r ->
                    r.value() != null
                        && user.equals(new JsonObject(r.value()).getString("installationId"))
                        && "REAUTH_REQUIRED".equals(new JsonObject(r.value()).getString("status")),
                Duration.ofSeconds(60))
            .map(r -> new JsonObject(r.value()))
            .orElseThrow(() -> new AssertionError("no REAUTH_REQUIRED event for " + user));
    double announced = (System.nanoTime() - revoked) / 1e9;

    JsonObject failed = platform.finalStatus(usersRun);
    double ended = (System.nanoTime() - revoked) / 1e9;
    assertThat(failed.getString("state")).as(failed.encode()).isEqualTo("FAILED");
    assertThat(failed.getJsonObject("error").getString("code"))
        .isEqualTo("installation-reauth-required");
    assertThat(platform.installs().installation(user).getString("status"))
        .isEqualTo("REAUTH_REQUIRED");

    platform.succeeded(othersRun);
    for (Resource resource : new Resource[] {MAIL, FILES}) {
      assertThat(platform.live(resource, other))
          .as(resource.value())
          .isEqualTo(platform.truth(resource));
    }
    System.out.printf(
        "[measured] refresh token revoked mid-sync: REAUTH_REQUIRED announced after %.1f s (%s),"
            + " the user's run FAILED after %.1f s (%s); the other installation's run SUCCEEDED,"
            + " lost 0%n",
        announced,
        event.getString("reason"),
        ended,
        failed.getJsonObject("error").getString("code"));
  }

  @AfterEach
  void graphAtFullSpeed() {
    if (slowGraph != null) {
      platform.tenant().removeFault(slowGraph);
    }
  }
}
