package dev.o365connector.auth;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bearer tokens of the platform's OIDC provider (the simulator's platform tenant), fetched with
 * client credentials exactly as a platform service would.
 */
public final class PlatformTokens {

  private PlatformTokens() {}

  /** An access token of {@code clientId} (e.g. {@code platform-dev}: every internal role). */
  public static String of(String clientId) {
    var config = ConfigProvider.getConfig();
    return given()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam(
            "client_secret",
            config.getValue("o365.simulator.platform." + clientId + ".secret", String.class))
        .formParam("scope", "o365-connector/.default")
        .post(config.getValue("o365.simulator.platform.token-url", String.class))
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** Makes every REST Assured request of the test carry {@code clientId}'s token. */
  public static void authenticateAs(String clientId) {
    RestAssured.requestSpecification =
        new RequestSpecBuilder().addHeader("Authorization", "Bearer " + of(clientId)).build();
  }

  public static void reset() {
    RestAssured.requestSpecification = null;
  }
}
