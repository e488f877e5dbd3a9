package dev.o365connector.testsupport.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * The operational endpoints every service exposes (docs/operations.md, "Probes and metrics"):
 * health probes that cover its dependencies, Prometheus metrics and the OpenAPI document. A
 * service's test extends this, adds {@code @QuarkusTest} and its test resources, and names the
 * readiness checks it must report.
 */
public abstract class ServiceEndpointsContract {

  /** Names of the readiness checks that prove the service's database and Kafka are reachable. */
  protected abstract String[] expectedReadinessChecks();

  @Test
  void readinessIsUpAndCoversItsDependencies() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems(expectedReadinessChecks()));
  }

  @Test
  void livenessAndStartupAreUp() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsAreExposedForPrometheus() {
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
        .body(containsString("process_uptime_seconds"));
  }

  @Test
  void openApiDocumentIsServed() {
    given()
        .accept("application/json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", startsWith("3."));
  }
}
