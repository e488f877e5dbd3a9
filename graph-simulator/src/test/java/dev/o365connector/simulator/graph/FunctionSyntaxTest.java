package dev.o365connector.simulator.graph;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FunctionSyntaxTest {

  private static GraphSimulator sim;
  private static Tenant tenant;

  @BeforeAll
  static void start() {
    sim = new GraphSimulator(SimulatorConfig.defaults()).start();
    tenant = sim.context().directory().tenant("contoso.onmicrosoft.com").orElseThrow();
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @Test
  void deltaCalledAsAFunctionIsTheSameDelta() {
    given()
        .auth()
        .oauth2(TestTokens.app(sim.context(), tenant.id(), "User.Read.All"))
        .urlEncodingEnabled(false)
        .get(sim.graphBaseUrl() + "/users/delta()?$select=displayName")
        .then()
        .statusCode(200)
        .body("value[0].displayName", notNullValue())
        .body("'@odata.deltaLink'", startsWith(sim.graphBaseUrl() + "/users/delta?"));
  }

  @Test
  void driveDeltaTakesItsTokenAsAFunctionArgument() {
    User user =
        sim.context()
            .directory()
            .locked(
                () ->
                    tenant.users().live().stream()
                        .filter(User::hasDrive)
                        .findFirst()
                        .orElseThrow());
    given()
        .auth()
        .oauth2(TestTokens.delegated(sim.context(), tenant.id(), user.id(), "Files.Read"))
        .urlEncodingEnabled(false)
        .get(sim.graphBaseUrl() + "/me/drive/root/delta(token='latest')")
        .then()
        .statusCode(200)
        .body("value", empty())
        .body("'@odata.deltaLink'", notNullValue());
  }
}
