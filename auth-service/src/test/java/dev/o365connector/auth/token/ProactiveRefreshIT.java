package dev.o365connector.auth.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.auth.Installs;
import dev.o365connector.auth.PlatformTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProactiveRefreshIT {

  @ConfigProperty(name = "o365.simulator.base-url")
  String simulator;

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
    sql(
        "update stored_token set refreshed_at = refreshed_at - interval '8 days' where installation_id = :id",
        idle);
    long before = grants("refresh_token");

    assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isEqualTo(1);
    assertThat(grants("refresh_token")).isEqualTo(before + 1);
    assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isZero();
  }

  @Test
  void aReplicaHoldingTheLeaseKeepsOthersOut() throws Throwable {
    String idle =
        Installs.installed(
            "{\"accountId\":\"proactive\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");
    sql(
        "update stored_token set refreshed_at = refreshed_at - interval '8 days' where installation_id = :id",
        idle);
    lease("'other-replica'", "now() + interval '5 minutes'");
    try {
      assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isZero();
    } finally {
      lease("owner", "'-infinity'");
    }
    assertThat(VertxContextSupport.subscribeAndAwait(job::runOnce)).isEqualTo(1);
  }

  /** Sets the proactive-refresh lease as another replica would (SQL expressions, not values). */
  private static void lease(String owner, String expiresAt) throws Throwable {
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .flatMap(
                            session ->
                                session
                                    .createNativeQuery(
                                        "update job_lease set owner = "
                                            + owner
                                            + ", expires_at = "
                                            + expiresAt
                                            + " where name = 'proactive-refresh'")
                                    .executeUpdate())));
  }

  private static void sql(String statement, String installationId) throws Throwable {
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .flatMap(
                            session ->
                                session
                                    .createNativeQuery(statement)
                                    .setParameter("id", UUID.fromString(installationId))
                                    .executeUpdate())));
  }

  @SuppressWarnings("unchecked")
  private long grants(String grantType) {
    Map<String, Object> stats =
        given().get(simulator + "/_sim/stats").then().statusCode(200).extract().as(Map.class);
    Map<String, Object> byGrant =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) stats.get("tokens")).get("issued"))
                .get("byGrantType");
    Object count = byGrant.get(grantType);
    return count == null ? 0 : ((Number) count).longValue();
  }
}
