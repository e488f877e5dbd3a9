package dev.o365connector.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void withoutArgumentsItIsTheStandaloneSimulatorOnLocalhost8089() {
    SimulatorConfig config = Main.config();

    assertThat(config.port()).isEqualTo(8089);
    assertThat(config.host()).isEqualTo("localhost");
    assertThat(config.demoTenant()).isTrue();
  }

  @Test
  void unknownOrEmptyArgumentsAreRefused() {
    assertThatThrownBy(() -> Main.config("--hots=x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Main.config("--host=")).isInstanceOf(IllegalArgumentException.class);
  }

  /** In a container network the services reach it by alias; its URLs and tokens must say so. */
  @Test
  void hostNamesTheIssuerTheEndpointsAndTheTokensIss() {
    SimulatorConfig config = Main.config("--port=0", "--host=graph-simulator");
    try (GraphSimulator sim = new GraphSimulator(config).start()) {
      String local = "http://localhost:" + sim.port();
      String alias = "http://graph-simulator:" + sim.port();
      JsonPath info = given().get(local + "/_sim/info").then().statusCode(200).extract().jsonPath();
      String tenant = info.getString("platform.tenantId");
      assertThat(info.getString("graphBaseUrl")).isEqualTo(alias + "/v1.0");
      assertThat(info.getString("platform.issuer")).isEqualTo(alias + "/" + tenant + "/v2.0");
      JsonPath discovery =
          given()
              .get(local + "/" + tenant + "/v2.0/.well-known/openid-configuration")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(discovery.getString("jwks_uri")).startsWith(alias + "/");
      assertThat(discovery.getString("token_endpoint")).startsWith(alias + "/");

      String token =
          given()
              .formParam("grant_type", "client_credentials")
              .formParam("client_id", "platform-dev")
              .formParam("client_secret", secretOf(info, "platform-dev"))
              .formParam("scope", "o365-connector/.default")
              .post(local + "/" + tenant + "/oauth2/v2.0/token")
              .then()
              .statusCode(200)
              .extract()
              .path("access_token");
      String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
      assertThat(JsonPath.from(claims).getString("iss"))
          .isEqualTo(discovery.getString("issuer"))
          .isEqualTo(info.getString("platform.issuer"));
    }
  }

  private static String secretOf(JsonPath info, String clientId) {
    return info.getString(
        "platform.clients.find { it.clientId == '" + clientId + "' }.clientSecret");
  }

  @Test
  void theStartBannerCarriesNoSecret() {
    JsonObject info =
        new JsonObject()
            .put("apps", new JsonArray().add(new JsonObject().put("clientSecret", "s3cret-1")))
            .put(
                "platform",
                new JsonObject()
                    .put(
                        "clients",
                        new JsonArray()
                            .add(
                                new JsonObject()
                                    .put("clientId", "sync-worker")
                                    .put("clientSecret", "s3cret-2"))));

    String banner = Main.withoutSecrets(info).encode();

    assertThat(banner).doesNotContain("s3cret").contains("sync-worker");
    assertThat(info.encode()).contains("s3cret-1"); // the info itself is untouched
  }
}
