package dev.o365connector.auth.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.o365connector.auth.Installs;
import dev.o365connector.auth.PlatformTokens;
import dev.o365connector.auth.TestSql;
import dev.o365connector.contracts.Topics;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstallationFlowIT {

  private static final String RETURN_URL = "https://platform.example/installed";

  @ConfigProperty(name = "o365.simulator.base-url")
  String simulator;

  @BeforeEach
  void authenticate() {
    PlatformTokens.authenticateAs("platform-dev");
  }

  @AfterEach
  void forgetToken() {
    PlatformTokens.reset();
  }

  @ConfigProperty(name = "o365.simulator.tenant.id")
  String tenantId;

  @Test
  void delegatedInstallGoesFromConsentUrlThroughTheCallbackToActive() {
    Map<String, Object> created =
        create(
            "{\"accountId\":\"acme\",\"type\":\"DELEGATED\",\"resources\":[\"mail\",\"files\"],\"returnUrl\":\""
                + RETURN_URL
                + "\"}");
    String id = (String) created.get("id");
    String consentUrl = (String) created.get("consentUrl");
    assertThat(consentUrl)
        .startsWith(simulator + "/organizations/oauth2/v2.0/authorize?")
        .contains("code_challenge_method=S256")
        .contains("offline_access")
        .contains("Files.Read");

    Map<String, String> redirect = followConsent(consentUrl);
    Response callback = callback(redirect);

    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.header("Location"))
        .isEqualTo(RETURN_URL + "?installationId=" + id + "&status=ACTIVE");
    given()
        .get("/installations/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("tenantId", equalTo(tenantId))
        .body("grantedPermissions", hasItems("Mail.Read", "Files.Read"))
        .body("username", containsString("@"));
    assertThat(
            KafkaTestClient.shared()
                .awaitRecord(
                    Topics.INSTALLATIONS,
                    r -> id.equals(r.key()) && r.value().contains("\"ACTIVE\""),
                    Duration.ofSeconds(30)))
        .isPresent();

    // The same redirect again (a replay) changes nothing.
    callback(redirect).then().statusCode(400);
  }

  @Test
  void applicationInstallActivatesWithTheRolesOfTheAdminConsent() {
    Map<String, Object> created =
        create(
            "{\"accountId\":\"acme\",\"type\":\"APPLICATION\",\"tenantId\":\"" + tenantId + "\"}");
    String id = (String) created.get("id");
    assertThat((String) created.get("consentUrl"))
        .startsWith(simulator + "/" + tenantId + "/v2.0/adminconsent?");

    Response callback = callback(followConsent((String) created.get("consentUrl")));

    callback.then().statusCode(200).body(containsString("is active"));
    given()
        .get("/installations/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body(
            "grantedPermissions",
            hasItems("User.Read.All", "Mail.Read", "Calendars.Read", "Files.Read.All"));
  }

  @Test
  void aDeclinedConsentFailsTheInstallationWithEntrasReason() {
    Map<String, Object> created = create("{\"accountId\":\"acme\",\"type\":\"DELEGATED\"}");
    String state = query((String) created.get("consentUrl")).get("state");

    given()
        .queryParam("state", state)
        .queryParam("error", "access_denied")
        .queryParam("error_description", "AADSTS65004: User declined to consent to access the app.")
        .redirects()
        .follow(false)
        .get("/connector/callback")
        .then()
        .statusCode(200)
        .body(containsString("FAILED"));
    given()
        .get("/installations/" + created.get("id"))
        .then()
        .body("status", equalTo("FAILED"))
        .body("reason", containsString("access_denied"));
  }

  @Test
  void adminConsentForAnotherTenantIsRefusedAndChangesNothing() {
    Map<String, Object> created =
        create(
            "{\"accountId\":\"acme\",\"type\":\"APPLICATION\",\"tenantId\":\"" + tenantId + "\"}");
    String state = query((String) created.get("consentUrl")).get("state");

    given()
        .queryParam("state", state)
        .queryParam("admin_consent", "True")
        .queryParam("tenant", UUID.randomUUID().toString())
        .get("/connector/callback")
        .then()
        .statusCode(400);
    given()
        .get("/installations/" + created.get("id"))
        .then()
        .body("status", equalTo("PENDING"))
        .body("reason", nullValue());
  }

  @Test
  void missingUnknownOrMismatchedStatesAre400AndChangeNothing() {
    Map<String, Object> created =
        create(
            "{\"accountId\":\"acme\",\"type\":\"APPLICATION\",\"tenantId\":\"" + tenantId + "\"}");
    String state = query((String) created.get("consentUrl")).get("state");

    given().queryParam("code", "x").get("/connector/callback").then().statusCode(400);
    given()
        .queryParam("code", "x")
        .queryParam("state", "not-a-state")
        .get("/connector/callback")
        .then()
        .statusCode(400);
    // A sign-in answer to an admin-consent state is a mismatch.
    given()
        .queryParam("code", "x")
        .queryParam("state", state)
        .get("/connector/callback")
        .then()
        .statusCode(400)
        .body(containsString("invalid or has expired"));
    given().get("/installations/" + created.get("id")).then().body("status", equalTo("PENDING"));
  }

  @Test
  void anExpiredStateIs400AndLeavesTheInstallationPending() {
    Map<String, Object> created = create("{\"accountId\":\"acme\",\"type\":\"DELEGATED\"}");
    Map<String, String> redirect = followConsent((String) created.get("consentUrl"));
    // What ten minutes of waiting would do.
    TestSql.execute(
        "update consent_state set expires_at = now() - interval '1 second' where installation_id = :id",
        Map.of("id", UUID.fromString((String) created.get("id"))));

    callback(redirect).then().statusCode(400);
    given().get("/installations/" + created.get("id")).then().body("status", equalTo("PENDING"));
  }

  @Test
  void badRequestsAreProblems() {
    given()
        .contentType("application/json")
        .body("{\"accountId\":\"acme\",\"type\":\"APPLICATION\"}")
        .post("/installations")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("tenantId"));
    given()
        .contentType("application/json")
        .body(
            "{\"accountId\":\"acme\",\"type\":\"DELEGATED\",\"returnUrl\":\"https://evil.example/\"}")
        .post("/installations")
        .then()
        .statusCode(400)
        .body("detail", containsString("returnUrl"));
    given()
        .contentType("application/json")
        .body("{\"type\":\"DELEGATED\"}")
        .post("/installations")
        .then()
        .statusCode(400)
        .body("detail", containsString("accountId"));
    given()
        .get("/installations/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("type", startsWith("https://o365connector.dev/problems/"));
  }

  @Test
  void theApiNeedsAPlatformTokenWithTheRightRole() {
    PlatformTokens.reset();
    given().get("/installations?accountId=acme").then().statusCode(401);
    given()
        .auth()
        .oauth2("not-a-token")
        .get("/installations?accountId=acme")
        .then()
        .statusCode(401);
    // sync-worker holds graph.read only.
    given()
        .auth()
        .oauth2(PlatformTokens.of("sync-worker"))
        .get("/installations?accountId=acme")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(PlatformTokens.of("sync-worker"))
        .contentType("application/json")
        .body("{\"accountId\":\"acme\",\"type\":\"DELEGATED\"}")
        .post("/installations")
        .then()
        .statusCode(403);
  }

  @Test
  void uninstallWipesTokensAndAnnouncesIt() {
    Map<String, Object> created =
        create(
            "{\"accountId\":\"acme-uninstall\",\"type\":\"APPLICATION\",\"tenantId\":\""
                + tenantId
                + "\"}");
    String id = (String) created.get("id");
    callback(followConsent((String) created.get("consentUrl"))).then().statusCode(200);

    given().delete("/installations/" + id).then().statusCode(204);

    given().get("/installations/" + id).then().body("status", equalTo("UNINSTALLED"));
    given().get("/installations?accountId=acme-uninstall").then().body("[0].id", equalTo(id));
    assertThat(
            KafkaTestClient.shared()
                .awaitRecord(
                    Topics.INSTALLATIONS,
                    r -> id.equals(r.key()) && r.value().contains("\"UNINSTALLED\""),
                    Duration.ofSeconds(30)))
        .isPresent();
    given().post("/installations/" + id + "/consent").then().statusCode(409);
  }

  private static Map<String, Object> create(String body) {
    return Installs.create(body);
  }

  private static Map<String, String> followConsent(String consentUrl) {
    return Installs.followConsent(consentUrl);
  }

  private static Response callback(Map<String, String> params) {
    return Installs.callback(params);
  }

  private static Map<String, String> query(String url) {
    return Installs.query(url);
  }
}
