package dev.o365connector.auth.callback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.auth.Installs;
import dev.o365connector.auth.PlatformTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs both install flows, a replay and token issuance with DEBUG logging on, then searches the
 * whole log for every secret value that passed through: none may appear.
 */
@QuarkusTest
class SecretsNeverLoggedIT {

  @ConfigProperty(name = "o365.simulator.tenant.id")
  String tenantId;

  @ConfigProperty(name = "o365.auth.client-secret")
  String clientSecret;

  @BeforeEach
  void authenticate() {
    PlatformTokens.authenticateAs("platform-dev");
  }

  @AfterEach
  void forgetToken() {
    PlatformTokens.reset();
  }

  @Test
  void noTokenCodeSecretOrStateReachesTheLog() throws Exception {
    List<String> secrets = new ArrayList<>(List.of(clientSecret));

    Map<String, Object> delegated =
        Installs.create("{\"accountId\":\"leaks\",\"type\":\"DELEGATED\"}");
    Map<String, String> redirect = Installs.followConsent((String) delegated.get("consentUrl"));
    secrets.add(redirect.get("code"));
    secrets.add(redirect.get("state"));
    Installs.callback(redirect).then().statusCode(200);
    Installs.callback(redirect).then().statusCode(400);

    Map<String, Object> application =
        Installs.create(
            "{\"accountId\":\"leaks\",\"type\":\"APPLICATION\",\"tenantId\":\"" + tenantId + "\"}");
    Map<String, String> consent = Installs.followConsent((String) application.get("consentUrl"));
    secrets.add(consent.get("state"));
    Installs.callback(consent).then().statusCode(200);

    String gateway = PlatformTokens.of("graph-gateway");
    secrets.add(gateway);
    for (Object id : List.of(delegated.get("id"), application.get("id"))) {
      secrets.add(
          given()
              .auth()
              .oauth2(gateway)
              .contentType("application/json")
              .body("{\"forceRefresh\":true}")
              .post("/installations/" + id + "/access-token")
              .then()
              .statusCode(200)
              .extract()
              .path("accessToken"));
    }

    String log = Files.readString(Path.of("target/auth-service-test.log"));
    assertThat(log).as("the replay was logged").contains("Callback refused");
    for (String secret : secrets) {
      assertThat(secret).isNotBlank();
      assertThat(log).doesNotContain(secret);
    }
  }
}
