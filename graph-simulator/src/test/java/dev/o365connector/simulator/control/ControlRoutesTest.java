package dev.o365connector.simulator.control;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlRoutesTest {

  @Test
  void infoDescribesTheDemoTenantTheAppAndThePlatform() {
    try (GraphSimulator sim = new GraphSimulator(SimulatorConfig.defaults()).start()) {
      given()
          .get(sim.baseUrl() + "/_sim/info")
          .then()
          .statusCode(200)
          .body("graphBaseUrl", equalTo(sim.graphBaseUrl()))
          .body("tenants", hasSize(1))
          .body("tenants[0].domain", equalTo("contoso.onmicrosoft.com"))
          .body("apps[0].redirectUris", hasItem("http://localhost:8081/connector/callback"))
          .body("apps[0].clientSecret", notNullValue())
          .body("platform.clients.clientId", hasItem("platform-dev"))
          .body("platform.tokenUrl", containsString("/oauth2/v2.0/token"));
    }
  }

  @Test
  void sameSeedSameTenantsAndDataDifferentSeedDifferentOnes() {
    try (GraphSimulator a = new GraphSimulator(SimulatorConfig.defaults()).start();
        GraphSimulator b = new GraphSimulator(SimulatorConfig.defaults()).start();
        GraphSimulator c = new GraphSimulator(SimulatorConfig.defaults().withSeed(7)).start()) {
      assertThat(truth(a, "mail")).isEqualTo(truth(b, "mail")).isNotEmpty();
      assertThat(info(a).get("tenants"))
          .isEqualTo(info(b).get("tenants"))
          .isNotEqualTo(info(c).get("tenants"));
    }
  }

  @Test
  void seedingValidatesItsSpecAndRefusesDuplicates() {
    try (GraphSimulator sim =
        new GraphSimulator(SimulatorConfig.defaults().withoutDemoTenant()).start()) {
      given()
          .contentType("application/json")
          .body("{\"name\":\"fabrikam\",\"users\":20,\"messagesPerUser\":5,\"eventsPerUser\":3}")
          .post(sim.baseUrl() + "/_sim/tenants")
          .then()
          .statusCode(201)
          .body("domain", equalTo("fabrikam.onmicrosoft.com"))
          .body("users", equalTo(20));
      given()
          .contentType("application/json")
          .body("{\"name\":\"fabrikam\"}")
          .post(sim.baseUrl() + "/_sim/tenants")
          .then()
          .statusCode(409);
      given()
          .contentType("application/json")
          .body("{\"name\":\"Bad Name!\"}")
          .post(sim.baseUrl() + "/_sim/tenants")
          .then()
          .statusCode(400)
          .body("error", containsString("name"));
      given()
          .contentType("application/json")
          .body("{\"name\":\"neg\",\"users\":-1}")
          .post(sim.baseUrl() + "/_sim/tenants")
          .then()
          .statusCode(400);
    }
  }

  @Test
  void appsCanBeRegisteredWithTheirOwnRedirectUrisAndPermissions() {
    try (GraphSimulator sim =
        new GraphSimulator(SimulatorConfig.defaults().withoutDemoTenant()).start()) {
      given()
          .contentType("application/json")
          .body(
              "{\"displayName\":\"other\",\"redirectUris\":[\"https://app.example/cb\"],\"applicationPermissions\":[\"Mail.Read\"]}")
          .post(sim.baseUrl() + "/_sim/apps")
          .then()
          .statusCode(201)
          .body("clientId", notNullValue())
          .body("clientSecret", notNullValue())
          .body("redirectUris", hasItem("https://app.example/cb"))
          .body("applicationPermissions", hasSize(1));
      given()
          .contentType("application/json")
          .body("{\"redirectUris\":[\"javascript:alert(1)\"]}")
          .post(sim.baseUrl() + "/_sim/apps")
          .then()
          .statusCode(400);
    }
  }

  @Test
  void mutationsReportWhatChangedAndRejectUnknownKeysAndIds() {
    try (GraphSimulator sim = new GraphSimulator(SimulatorConfig.defaults()).start()) {
      String tenantId =
          (String) ((List<Map<String, Object>>) info(sim).get("tenants")).get(0).get("id");
      String url = sim.baseUrl() + "/_sim/tenants/" + tenantId + "/mutations";
      int before = truth(sim, "users").size();

      given()
          .contentType("application/json")
          .body(
              "{\"users\":{\"create\":2,\"update\":1,\"delete\":1},\"messages\":{\"create\":3,\"move\":2}}")
          .post(url)
          .then()
          .statusCode(200)
          .body("users.created", hasSize(2))
          .body("users.updated", hasSize(1))
          .body("users.deleted", hasSize(1))
          .body("messages.created", hasSize(3))
          .body("messages.moved", hasSize(2));
      assertThat(truth(sim, "users")).hasSize(before + 1);

      given()
          .contentType("application/json")
          .body("{\"widgets\":{\"create\":1}}")
          .post(url)
          .then()
          .statusCode(400)
          .body("error", containsString("widgets"));
      given()
          .contentType("application/json")
          .body("{\"users\":{\"delete\":[\"no-such-id\"]}}")
          .post(url)
          .then()
          .statusCode(400)
          .body("error", containsString("no-such-id"));
      given()
          .get(sim.baseUrl() + "/_sim/tenants/" + tenantId + "/truth?resource=widgets")
          .then()
          .statusCode(400);
      given()
          .get(sim.baseUrl() + "/_sim/tenants/unknown/truth?resource=users")
          .then()
          .statusCode(404);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> info(GraphSimulator sim) {
    return given().get(sim.baseUrl() + "/_sim/info").then().statusCode(200).extract().as(Map.class);
  }

  private static List<Map<String, Object>> truth(GraphSimulator sim, String resource) {
    @SuppressWarnings("unchecked")
    String tenantId =
        (String) ((List<Map<String, Object>>) info(sim).get("tenants")).get(0).get("id");
    return given()
        .get(sim.baseUrl() + "/_sim/tenants/" + tenantId + "/truth?resource=" + resource)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }
}
