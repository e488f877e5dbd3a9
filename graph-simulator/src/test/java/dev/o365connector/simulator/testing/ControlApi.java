package dev.o365connector.simulator.testing;

import static io.restassured.RestAssured.given;

import dev.o365connector.simulator.GraphSimulator;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;

/** The control API's mutations and ground truth, as the mutation tests call them. */
public final class ControlApi {

  private ControlApi() {}

  /** {@code POST /_sim/tenants/{id}/mutations} with {@code body}; the response to check. */
  public static ValidatableResponse mutate(GraphSimulator sim, String tenantId, String body) {
    return given()
        .contentType("application/json")
        .body(body)
        .post(sim.baseUrl() + "/_sim/tenants/" + tenantId + "/mutations")
        .then();
  }

  /** The ground truth entries of {@code resource} whose objectType is {@code objectType}. */
  public static List<Map<String, Object>> truth(
      GraphSimulator sim, String tenantId, String resource, String objectType) {
    List<Map<String, Object>> all =
        given()
            .get(sim.baseUrl() + "/_sim/tenants/" + tenantId + "/truth?resource=" + resource)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return all.stream().filter(t -> objectType.equals(t.get("objectType"))).toList();
  }

  /**
   * What a mutation of {@code sim}'s demo tenant answers under {@code key}, and the truth of {@code
   * resource} after it: two simulators with the same seed must give equal ones.
   */
  public static List<Object> demoMutation(
      GraphSimulator sim, String spec, String key, String resource) {
    String tenantId = given().get(sim.baseUrl() + "/_sim/info").path("tenants[0].id");
    Object changed = mutate(sim, tenantId, spec).statusCode(200).extract().path(key);
    Object truth =
        given()
            .get(sim.baseUrl() + "/_sim/tenants/" + tenantId + "/truth?resource=" + resource)
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    return List.of(changed, truth);
  }
}
