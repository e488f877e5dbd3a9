package dev.o365connector.simulator.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserRoutesTest {

  private static GraphSimulator sim;
  private static Tenant tenant;
  private static String appToken;

  @BeforeAll
  static void start() {
    sim = new GraphSimulator(SimulatorConfig.defaults()).start();
    tenant = sim.context().directory().tenant("contoso.onmicrosoft.com").orElseThrow();
    appToken = TestTokens.app(sim.context(), tenant.id(), "User.Read.All");
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @Test
  void listsUsersPageByPageWithTop() {
    List<String> ids = new ArrayList<>();
    String url = sim.graphBaseUrl() + "/users?$top=4";
    int pages = 0;
    while (url != null) {
      JsonPath page =
          given().auth().oauth2(appToken).get(url).then().statusCode(200).extract().jsonPath();
      ids.addAll(page.getList("value.id"));
      url = page.getString("'@odata.nextLink'");
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void getsAUserByIdOrUserPrincipalNameAndHonoursSelect() {
    User adele = users().get(0);

    given()
        .auth()
        .oauth2(appToken)
        .get(sim.graphBaseUrl() + "/users/" + adele.id())
        .then()
        .statusCode(200)
        .header("request-id", notNullValue())
        .body("userPrincipalName", equalTo(adele.userPrincipalName()));
    given()
        .auth()
        .oauth2(appToken)
        .queryParam("$select", "displayName")
        .get(sim.graphBaseUrl() + "/users/" + adele.userPrincipalName())
        .then()
        .statusCode(200)
        .body("id", equalTo(adele.id()))
        .body("displayName", equalTo(adele.displayName()))
        .body("userPrincipalName", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void unknownUserIsGraphsNotFound() {
    given()
        .auth()
        .oauth2(appToken)
        .header("client-request-id", "c-1")
        .get(sim.graphBaseUrl() + "/users/nobody@contoso.onmicrosoft.com")
        .then()
        .statusCode(404)
        .header("client-request-id", "c-1")
        .body("error.code", equalTo("Request_ResourceNotFound"))
        .body("error.innerError.request-id", notNullValue());
  }

  @Test
  void meIsTheSignedInUserAndRefusesAppOnlyTokens() {
    User user = users().get(2);
    String delegated =
        TestTokens.delegated(sim.context(), tenant.id(), user.id(), "User.Read Mail.Read");

    given()
        .auth()
        .oauth2(delegated)
        .get(sim.graphBaseUrl() + "/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(user.id()));
    given()
        .auth()
        .oauth2(appToken)
        .get(sim.graphBaseUrl() + "/me")
        .then()
        .statusCode(400)
        .body("error.code", equalTo("BadRequest"));
  }

  @Test
  void invalidTokensAre401AndMissingPermissions403() {
    given()
        .get(sim.graphBaseUrl() + "/users")
        .then()
        .statusCode(401)
        .body("error.code", equalTo("InvalidAuthenticationToken"));
    given()
        .auth()
        .oauth2("not.a.jwt")
        .get(sim.graphBaseUrl() + "/users")
        .then()
        .statusCode(401)
        .body("error.code", equalTo("InvalidAuthenticationToken"));
    given()
        .auth()
        .oauth2(TestTokens.expiredApp(sim.context(), tenant.id(), "User.Read.All"))
        .get(sim.graphBaseUrl() + "/users")
        .then()
        .statusCode(401)
        .body("error.message", org.hamcrest.Matchers.containsString("expired"));
    given()
        .auth()
        .oauth2(TestTokens.withAudience(sim.context(), tenant.id(), "api://other"))
        .get(sim.graphBaseUrl() + "/users")
        .then()
        .statusCode(401)
        .body("error.message", org.hamcrest.Matchers.containsString("audience"));
    given()
        .auth()
        .oauth2(TestTokens.app(sim.context(), tenant.id(), "Mail.Read"))
        .get(sim.graphBaseUrl() + "/users")
        .then()
        .statusCode(403)
        .body("error.code", equalTo("Authorization_RequestDenied"));
  }

  @Test
  void usersDeltaRoundThenChangesThroughTheDeltaLink() {
    Tenant fresh = seed("delta-http");
    String token = TestTokens.app(sim.context(), fresh.id(), "User.Read.All");
    Map<String, Object> first =
        deltaRound(token, sim.graphBaseUrl() + "/users/delta?$select=displayName,jobTitle", 2);
    assertThat((List<?>) first.get("items")).hasSize(5);

    User changed = sim.context().directory().locked(() -> fresh.users().live().get(1));
    sim.context()
        .directory()
        .locked(
            () -> {
              fresh.users().put(changed.renamed("Manager"));
              fresh.users().remove(fresh.users().live().get(3).id(), "changed");
              return null;
            });
    Map<String, Object> second = deltaRound(token, (String) first.get("deltaLink"), 2);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) second.get("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0))
        .containsEntry("id", changed.id())
        .containsEntry("jobTitle", "Manager")
        .doesNotContainKey("userPrincipalName");
    assertThat(items.get(1)).containsEntry("@removed", Map.of("reason", "changed"));
  }

  @Test
  void aDeltaTokenOfAnotherTenantOrATamperedOneIsRejected() {
    Tenant other = seed("delta-other");
    String otherToken = TestTokens.app(sim.context(), other.id(), "User.Read.All");
    String link =
        (String) deltaRound(appToken, sim.graphBaseUrl() + "/users/delta", 50).get("deltaLink");

    given()
        .auth()
        .oauth2(otherToken)
        .urlEncodingEnabled(false)
        .get(link)
        .then()
        .statusCode(400)
        .body("error.code", equalTo("BadRequest"));
  }

  @Test
  void invalidatedDeltaTokensAnswer410WithALocationToRestartFrom() {
    Tenant fresh = seed("delta-gone");
    String token = TestTokens.app(sim.context(), fresh.id(), "User.Read.All");
    String link =
        (String) deltaRound(token, sim.graphBaseUrl() + "/users/delta", 50).get("deltaLink");
    sim.context()
        .directory()
        .locked(
            () -> {
              fresh.users().invalidateTokens();
              return null;
            });

    given()
        .auth()
        .oauth2(token)
        .urlEncodingEnabled(false)
        .get(link)
        .then()
        .statusCode(410)
        .header("Location", sim.graphBaseUrl() + "/users/delta")
        .body("error.code", equalTo("resyncRequired"));
  }

  private static Tenant seed(String name) {
    return new dev.o365connector.simulator.seed.Seeder(sim.context().directory())
        .seedTenant(new dev.o365connector.simulator.seed.SeedSpec(name, 5, 0, 0));
  }

  private static List<User> users() {
    return sim.context().directory().locked(() -> tenant.users().live());
  }

  private static Map<String, Object> deltaRound(String token, String start, int pageSize) {
    List<Object> items = new ArrayList<>();
    String url = start;
    while (true) {
      JsonPath page =
          given()
              .auth()
              .oauth2(token)
              .header("Prefer", "odata.maxpagesize=" + pageSize)
              .urlEncodingEnabled(false)
              .get(url)
              .then()
              .statusCode(200)
              .body("value", notNullValue())
              .extract()
              .jsonPath();
      items.addAll(page.getList("value"));
      if (page.getString("'@odata.deltaLink'") != null) {
        return Map.of("items", items, "deltaLink", page.getString("'@odata.deltaLink'"));
      }
      url = page.getString("'@odata.nextLink'");
      assertThat(page.getList("value")).hasSize(pageSize);
    }
  }
}
