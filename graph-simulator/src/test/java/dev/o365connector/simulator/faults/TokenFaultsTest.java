package dev.o365connector.simulator.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.directory.User;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenFaultsTest {

  private static SimFixture f;

  @BeforeAll
  static void start() {
    f = SimFixture.start();
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  @Test
  void expiredDeltaTokensAnswerSyncStateNotFound() throws InterruptedException {
    String deltaLink = usersDeltaLink();
    // Tokens issued in the very millisecond of the expiry stay valid.
    Thread.sleep(5);

    JsonPath summary = control("/delta-tokens/expire").then().statusCode(200).extract().jsonPath();
    Response response = f.graph().get(deltaLink);

    assertThat(summary.getString("tenantId")).isEqualTo(f.tenant.id());
    assertThat(summary.getString("deltaTokens")).isEqualTo("expired");
    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.jsonPath().getString("error.code")).isEqualTo("syncStateNotFound");
    assertThat(f.graph().get(usersDeltaLink()).statusCode())
        .as("a new round gets fresh tokens")
        .isEqualTo(200);
  }

  @Test
  void invalidatedDeltaTokensAnswerResyncRequired() {
    String deltaLink = usersDeltaLink();

    JsonPath summary =
        control("/delta-tokens/invalidate").then().statusCode(200).extract().jsonPath();
    Response response = f.graph().get(deltaLink);

    assertThat(summary.getString("deltaTokens")).isEqualTo("invalidated");
    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.jsonPath().getString("error.code")).isEqualTo("resyncRequired");
    assertThat(response.header("Location")).isEqualTo(f.graphUrl("/users/delta"));
  }

  @Test
  void revokedRefreshTokensFailWithAadsts50173() {
    User user = f.mailboxUsers().get(1);
    User other = f.mailboxUsers().get(2);
    String token = f.refreshToken(user);
    String othersToken = f.refreshToken(other);
    assertThat(f.refresh(token).statusCode()).isEqualTo(200);

    JsonPath summary =
        given()
            .queryParam("userId", user.userPrincipalName())
            .post(f.sim.baseUrl() + "/_sim/tenants/" + f.tenant.id() + "/refresh-tokens/revoke")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Response refused = f.refresh(token);

    assertThat(summary.getString("userId")).isEqualTo(user.id());
    assertThat(summary.getInt("revoked")).isEqualTo(2);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.jsonPath().getString("error")).isEqualTo("invalid_grant");
    assertThat(refused.jsonPath().getList("error_codes", Integer.class)).containsExactly(50173);
    assertThat(f.refresh(othersToken).statusCode()).isEqualTo(200);
  }

  @Test
  void revokingWithoutAUserRevokesTheWholeTenant() {
    String first = f.refreshToken(f.mailboxUsers().get(3));
    String second = f.refreshToken(f.mailboxUsers().get(4));

    JsonPath summary =
        control("/refresh-tokens/revoke").then().statusCode(200).extract().jsonPath();

    assertThat(summary.getInt("revoked")).isGreaterThanOrEqualTo(2);
    assertThat(f.refresh(first).statusCode()).isEqualTo(400);
    assertThat(f.refresh(second).statusCode()).isEqualTo(400);
  }

  @Test
  void unknownTenantsAndUsersAreNotFound() {
    given()
        .post(f.sim.baseUrl() + "/_sim/tenants/nowhere.onmicrosoft.com/delta-tokens/expire")
        .then()
        .statusCode(404);
    given()
        .queryParam("userId", "nobody@contoso.onmicrosoft.com")
        .post(f.sim.baseUrl() + "/_sim/tenants/" + f.tenant.id() + "/refresh-tokens/revoke")
        .then()
        .statusCode(404);
  }

  private static Response control(String path) {
    return given().post(f.sim.baseUrl() + "/_sim/tenants/" + f.tenant.id() + path);
  }

  /** Runs a users/delta round to its end and returns its deltaLink. */
  private static String usersDeltaLink() {
    String url = f.graphUrl("/users/delta");
    while (true) {
      JsonPath page = f.graph().get(url).then().statusCode(200).extract().jsonPath();
      String deltaLink = page.getString("'@odata.deltaLink'");
      if (deltaLink != null) {
        return deltaLink;
      }
      url = page.getString("'@odata.nextLink'");
    }
  }
}
