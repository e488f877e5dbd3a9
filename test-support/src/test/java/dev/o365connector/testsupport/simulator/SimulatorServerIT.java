package dev.o365connector.testsupport.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.o365connector.stack.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;

class SimulatorServerIT {

  @Test
  void sharedSimulatorServesTheDemoTenantAndIsStartedOnce() {
    String baseUrl = SimulatorServer.sharedBaseUrl();

    given()
        .get(baseUrl + "/_sim/info")
        .then()
        .statusCode(200)
        .body("tenants[0].domain", equalTo("contoso.onmicrosoft.com"))
        .body("graphBaseUrl", equalTo(baseUrl + "/v1.0"));
    assertThat(SimulatorServer.sharedBaseUrl()).isEqualTo(baseUrl);
    assertThat(new SimulatorTestResource().start())
        .containsEntry("o365.simulator.graph-base-url", baseUrl + "/v1.0")
        .containsEntry(
            "o365.simulator.app.redirect-uri", "http://localhost:8081/connector/callback")
        .containsKeys(
            "o365.simulator.tenant.id",
            "o365.simulator.app.client-id",
            "o365.simulator.app.client-secret",
            "o365.simulator.platform.issuer",
            "o365.simulator.platform.platform-dev.secret");
  }
}
