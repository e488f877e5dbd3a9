package dev.o365connector.auth.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.o365connector.auth.Installs;
import dev.o365connector.auth.PlatformTokens;
import dev.o365connector.auth.SimulatorStats;
import dev.o365connector.auth.TestSql;
import dev.o365connector.stack.simulator.SimulatorTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProactiveRefreshIT {

  @Inject ProactiveRefresh job;

  @BeforeEach
  void authenticate() {
    PlatformTokens.authenticateAs("platform-dev");
  }

  @AfterEach
  void forgetToken() {
    PlatformTokens.reset();
  }

  @Test
  void idleDelegatedTokensAreRefreshedOnceAndFreshOnesAreLeftAlone() throws Throwable {
    String idle =
        Installs.installed(
            "{\"accountId\":\"proactive\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");
    Installs.installed(
        "{\"accountId\":\"proactive\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");
    TestSql.execute(
        "update stored_token set refreshed_at = refreshed_at - interval '8 days' where installation_id = :id",
        Map.of("id", UUID.fromString(idle)));
    long before = SimulatorStats.grants("refresh_token");

    assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isEqualTo(1);
    assertThat(SimulatorStats.grants("refresh_token")).isEqualTo(before + 1);
    assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isZero();
  }

  @Test
  void aRevokedGrantFoundByTheRefreshMakesTheInstallationReauthRequired() throws Throwable {
    String revoked =
        Installs.installed(
            "{\"accountId\":\"proactive\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");
    TestSql.execute(
        "update stored_token set refreshed_at = refreshed_at - interval '8 days' where installation_id = :id",
        Map.of("id", UUID.fromString(revoked)));
    String userId = given().get("/installations/" + revoked).then().extract().path("userId");
    Config config = ConfigProvider.getConfig();
    new SimulatorTenant(
            config.getValue("o365.simulator.base-url", String.class),
            config.getValue("o365.simulator.tenant.id", String.class))
        .revokeRefreshTokens(userId);

    assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isZero();
    given()
        .get("/installations/" + revoked)
        .then()
        .body("status", equalTo("REAUTH_REQUIRED"))
        .body("reason", containsString("50173"));
    assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isZero(); // not due any more
  }

  @Test
  void aReplicaHoldingTheLeaseKeepsOthersOut() throws Throwable {
    String idle =
        Installs.installed(
            "{\"accountId\":\"proactive\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");
    TestSql.execute(
        "update stored_token set refreshed_at = refreshed_at - interval '8 days' where installation_id = :id",
        Map.of("id", UUID.fromString(idle)));
    // Another replica holds the lease.
    TestSql.execute(
        "update job_lease set owner = 'other-replica', expires_at = now() + interval '5 minutes'"
            + " where name = 'proactive-refresh'",
        Map.of());
    try {
      assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isZero();
    } finally {
      TestSql.execute(
          "update job_lease set expires_at = '-infinity' where name = 'proactive-refresh'",
          Map.of());
    }
    assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isEqualTo(1);
  }
}
