package dev.o365connector.auth.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.o365connector.auth.Installs;
import dev.o365connector.auth.PlatformTokens;
import dev.o365connector.auth.SimulatorStats;
import dev.o365connector.auth.TestSql;
import dev.o365connector.contracts.Topics;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTokenIT {

  @ConfigProperty(name = "o365.simulator.base-url")
  String simulator;

  @ConfigProperty(name = "o365.simulator.graph-base-url")
  String graph;

  @ConfigProperty(name = "o365.simulator.tenant.id")
  String tenantId;

  private String gateway;

  @BeforeEach
  void authenticate() {
    PlatformTokens.authenticateAs("platform-dev");
    gateway = PlatformTokens.of("graph-gateway");
  }

  @AfterEach
  void forgetToken() {
    PlatformTokens.reset();
  }

  @Test
  void applicationTokenIsAcceptedByGraphAndCachedUntilForced() {
    String id =
        Installs.installed(
            "{\"accountId\":\"tokens\",\"type\":\"APPLICATION\",\"tenantId\":\""
                + tenantId
                + "\"}");
    long before = SimulatorStats.grants("client_credentials");

    String first = accessToken(id, false);
    String cached = accessToken(id, false);
    assertThat(cached).isEqualTo(first);
    assertThat(SimulatorStats.grants("client_credentials")).isEqualTo(before);
    given().auth().oauth2(first).get(graph + "/users").then().statusCode(200);

    String forced = accessToken(id, true);
    assertThat(forced).isNotEqualTo(first);
    assertThat(SimulatorStats.grants("client_credentials")).isEqualTo(before + 1);
  }

  @Test
  void delegatedTokenReadsTheSignedInUsersMailbox() {
    String id =
        Installs.installed(
            "{\"accountId\":\"tokens\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");

    given()
        .auth()
        .oauth2(gateway)
        .contentType("application/json")
        .body("{}")
        .post("/installations/" + id + "/access-token")
        .then()
        .statusCode(200)
        .body("type", equalTo("DELEGATED"))
        .body("tenantId", equalTo(tenantId))
        .body("grantedPermissions[0]", equalTo("Mail.Read"));
    given()
        .auth()
        .oauth2(accessToken(id, false))
        .get(graph + "/me/mailFolders/inbox")
        .then()
        .statusCode(200);
  }

  @Test
  void twoHundredConcurrentRequestsForAnExpiredTokenCauseExactlyOneGrant() {
    String id =
        Installs.installed(
            "{\"accountId\":\"tokens\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");
    // Nobody has asked for a token yet, so no replica has one cached: all 200 go to the store.
    TestSql.execute(
        "update stored_token set access_token_expires_at = now() - interval '1 minute'"
            + " where installation_id = :id",
        Map.of("id", UUID.fromString(id)));
    long before = SimulatorStats.grants("refresh_token");

    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> accessToken(id, false), pool));
    }
    List<String> tokens = calls.stream().map(CompletableFuture::join).toList();
    pool.shutdown();

    assertThat(tokens).hasSize(200).containsOnly(tokens.get(0));
    assertThat(SimulatorStats.grants("refresh_token")).isEqualTo(before + 1);
  }

  @Test
  void aRevokedRefreshTokenMovesTheInstallationToReauthRequired() {
    String id =
        Installs.installed(
            "{\"accountId\":\"tokens\",\"type\":\"DELEGATED\",\"resources\":[\"mail\"]}");
    given()
        .post(simulator + "/_sim/tenants/" + tenantId + "/refresh-tokens/revoke")
        .then()
        .statusCode(200);

    given()
        .auth()
        .oauth2(gateway)
        .contentType("application/json")
        .body("{\"forceRefresh\":true}")
        .post("/installations/" + id + "/access-token")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("REAUTH_REQUIRED"));
    given().get("/installations/" + id).then().body("status", equalTo("REAUTH_REQUIRED"));
    assertThat(
            KafkaTestClient.shared()
                .awaitRecord(
                    Topics.INSTALLATIONS,
                    r -> id.equals(r.key()) && r.value().contains("REAUTH_REQUIRED"),
                    Duration.ofSeconds(30)))
        .isPresent();
  }

  @Test
  void grantsRenewalsAndInstallationsByStatusAreMetered() {
    String id =
        Installs.installed(
            "{\"accountId\":\"metrics\",\"type\":\"APPLICATION\",\"tenantId\":\""
                + tenantId
                + "\"}");
    accessToken(id, true);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String metrics =
                  given().get("/q/metrics").then().statusCode(200).extract().asString();
              assertThat(metrics)
                  .containsPattern("o365_auth_installations\\{status=\"ACTIVE\"\\} [1-9]")
                  .containsPattern(
                      "o365_auth_token_renewal_seconds_count\\{outcome=\"success\",type=\"APPLICATION\"\\} [1-9]")
                  .containsPattern(
                      "o365_auth_entra_grants_total\\{grant=\"client_credentials\",outcome=\"success\"\\} [1-9]");
            });
  }

  @Test
  void anUninstalledInstallationGetsNoMoreTokensEvenFromTheCache() {
    String id =
        Installs.installed(
            "{\"accountId\":\"tokens\",\"type\":\"APPLICATION\",\"tenantId\":\""
                + tenantId
                + "\"}");
    accessToken(id, false);

    given().delete("/installations/" + id).then().statusCode(204);

    given()
        .auth()
        .oauth2(gateway)
        .contentType("application/json")
        .body("{}")
        .post("/installations/" + id + "/access-token")
        .then()
        .statusCode(409);
  }

  @Test
  void onlyTheTokenIssuingRoleGetsTokens() {
    String id =
        Installs.installed(
            "{\"accountId\":\"tokens\",\"type\":\"APPLICATION\",\"tenantId\":\""
                + tenantId
                + "\"}");
    given()
        .auth()
        .oauth2(PlatformTokens.of("sync-worker"))
        .contentType("application/json")
        .body("{}")
        .post("/installations/" + id + "/access-token")
        .then()
        .statusCode(403);
    PlatformTokens.reset();
    given()
        .contentType("application/json")
        .body("{}")
        .post("/installations/" + id + "/access-token")
        .then()
        .statusCode(401);
  }

  private String accessToken(String installationId, boolean force) {
    return given()
        .auth()
        .oauth2(gateway)
        .contentType("application/json")
        .body("{\"forceRefresh\":" + force + "}")
        .post("/installations/" + installationId + "/access-token")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }
}
