package dev.o365connector.auth.lifecycle;

import static dev.o365connector.auth.InstallationEvents.published;
import static dev.o365connector.auth.InstallationEvents.waiting;
import static dev.o365connector.contracts.installation.InstallationStatus.PENDING;
import static dev.o365connector.contracts.installation.InstallationStatus.UNINSTALLED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.o365connector.auth.Installs;
import dev.o365connector.auth.PlatformTokens;
import dev.o365connector.contracts.installation.InstallationEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change the installation's status does not allow (a renewal failure on a PENDING installation, a
 * consent finishing after an uninstall) writes nothing and announces nothing.
 */
@QuarkusTest
class InstallationTransitionsIT {

  @Inject InstallationTransitions transitions;
  @Inject OutboxRelay relay;

  @BeforeEach
  void authenticate() {
    PlatformTokens.authenticateAs("platform-dev");
  }

  @AfterEach
  void cleanUp() {
    PlatformTokens.reset();
  }

  @Test
  void aChangeTheStatusDoesNotAllowLeavesTheInstallationAndItsEventsAlone() throws Throwable {
    String id =
        (String)
            Installs.create("{\"accountId\":\"transitions\",\"type\":\"DELEGATED\"}").get("id");
    UUID installationId = UUID.fromString(id);

    Installation pending =
        VertxContextSupport.subscribeAndAwait(
            () -> transitions.requireReauth(installationId, "invalid_grant"));
    assertThat(pending.status).isEqualTo(PENDING);

    given().delete("/installations/" + id).then().statusCode(204);
    AtomicBoolean tokensStored = new AtomicBoolean();
    Installation uninstalled =
        VertxContextSupport.subscribeAndAwait(
            () ->
                transitions.activate(
                    installationId,
                    Set.of("Mail.Read"),
                    null,
                    () -> {
                      tokensStored.set(true);
                      return Uni.createFrom().voidItem();
                    }));
    assertThat(uninstalled.status).isEqualTo(UNINSTALLED);
    assertThat(tokensStored).isFalse();
    given()
        .get("/installations/" + id)
        .then()
        .body("status", equalTo("UNINSTALLED"))
        .body("grantedPermissions", empty());

    VertxContextSupport.subscribeAndAwait(relay::relay);
    await().atMost(Duration.ofSeconds(30)).until(() -> waiting(id).isEmpty());
    assertThat(published(id))
        .extracting(InstallationEvent::status)
        .containsExactly(PENDING, UNINSTALLED);
  }
}
