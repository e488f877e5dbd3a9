package dev.o365connector.simulator.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultRuleLifecycleTest {

  private static SimFixture f;

  @BeforeAll
  static void start() {
    f = SimFixture.start();
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  @AfterEach
  void reset() {
    f.resetTraffic();
  }

  @Test
  void aRuleWithACountIsSpentAfterThatManyRequests() {
    String id = f.fault(new JsonObject().put("status", 503).put("count", 2));

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(f.graph().get(f.graphUrl("/users")).statusCode());
    }

    assertThat(statuses).containsExactly(503, 503, 200);
    JsonPath rules = given().get(f.sim.baseUrl() + "/_sim/faults").jsonPath();
    assertThat(rules.getString("[0].id")).isEqualTo(id);
    assertThat(rules.getInt("[0].remaining")).isZero();
    assertThat(rules.getInt("[0].fired")).isEqualTo(2);
    assertThat(rules.getInt("[0].count")).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1.0})
  void probabilityZeroNeverFiresAndOneAlwaysDoes(double probability) {
    f.fault(new JsonObject().put("status", 500).put("probability", probability));

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(f.graph().get(f.graphUrl("/users")).statusCode());
    }

    assertThat(statuses).containsOnly(probability == 0 ? 200 : 500).hasSize(10);
  }

  @Test
  void rulesCanBeDeletedOneByOneOrAllAtOnce() {
    String first = f.fault(new JsonObject().put("status", 500).put("pathRegex", "/users$"));
    f.fault(new JsonObject().put("status", 503).put("pathRegex", "/me$"));

    given().delete(f.sim.baseUrl() + "/_sim/faults/" + first).then().statusCode(204);
    assertThat(f.graph().get(f.graphUrl("/users")).statusCode()).isEqualTo(200);
    assertThat(given().get(f.sim.baseUrl() + "/_sim/faults").jsonPath().getList("$")).hasSize(1);
    given().delete(f.sim.baseUrl() + "/_sim/faults/" + first).then().statusCode(404);

    given().delete(f.sim.baseUrl() + "/_sim/faults").then().statusCode(204);
    assertThat(given().get(f.sim.baseUrl() + "/_sim/faults").jsonPath().getList("$")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"status\":200}",
        "{\"status\":429,\"pathRegex\":\"(\"}",
        "{\"status\":429,\"probability\":2}",
        "{\"status\":429,\"count\":0}",
        "{\"status\":429,\"retryAfterDate\":\"tomorrow\"}",
        "{\"status\":429,\"retryAfterSeconds\":1,\"retryAfterDate\":\"Wed, 21 Oct 2026 07:28:00 GMT\"}",
        "{\"status\":\"often\"}",
        "{\"status\":429,\"pathregex\":\"/users\"}",
        "not json"
      })
  void malformedRulesAreRefused(String rule) {
    Response response =
        given().contentType("application/json").body(rule).post(f.sim.baseUrl() + "/_sim/faults");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.jsonPath().getString("error")).startsWith("invalid fault rule: ");
  }

  @Test
  void theControlApiIsNeverFaulted() {
    f.fault(new JsonObject().put("status", 500));

    given().get(f.sim.baseUrl() + "/_sim/faults").then().statusCode(200);
    given().get(f.sim.baseUrl() + "/_sim/info").then().statusCode(200);
  }
}
