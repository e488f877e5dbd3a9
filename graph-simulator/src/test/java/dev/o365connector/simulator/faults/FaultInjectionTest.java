package dev.o365connector.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.directory.User;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectionTest {

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

  @ParameterizedTest
  @CsvSource({
    "429, TooManyRequests, 1",
    "503, serviceNotAvailable, ",
    "504, gatewayTimeout, ",
    "500, generalException, "
  })
  void statusFaultsAnswerWithGraphsErrorCode(int status, String code, String retryAfter) {
    f.fault(new JsonObject().put("status", status).put("pathRegex", "^/v1\\.0/users$"));

    Response response = f.graph().header("client-request-id", "c-9").get(f.graphUrl("/users"));

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.jsonPath().getString("error.code")).isEqualTo(code);
    assertThat(response.jsonPath().getString("error.innerError.request-id")).isNotBlank();
    assertThat(response.header("request-id")).isNotBlank();
    assertThat(response.header("client-request-id")).isEqualTo("c-9");
    assertThat(response.header("Retry-After")).isEqualTo(retryAfter);
  }

  @Test
  void retryAfterIsGivenInSecondsOrAsAnHttpDate() {
    f.fault(new JsonObject().put("status", 429).put("retryAfterSeconds", 7).put("count", 1));
    String date = "Wed, 21 Oct 2026 07:28:00 GMT";
    f.fault(new JsonObject().put("status", 503).put("retryAfterDate", date).put("count", 1));

    Response seconds = f.graph().get(f.graphUrl("/users"));
    Response httpDate = f.graph().get(f.graphUrl("/users"));

    assertThat(seconds.statusCode()).isEqualTo(429);
    assertThat(seconds.header("Retry-After")).isEqualTo("7");
    assertThat(httpDate.statusCode()).isEqualTo(503);
    assertThat(httpDate.header("Retry-After")).isEqualTo(date);
  }

  @Test
  void goneAnswersResyncRequiredWithTheUrlToStartOver() {
    f.fault(new JsonObject().put("status", 410).put("pathRegex", "/delta$"));

    Response response = f.graph().get(f.graphUrl("/users/delta?$deltatoken=abc"));

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.jsonPath().getString("error.code")).isEqualTo("resyncRequired");
    assertThat(response.header("Location")).isEqualTo(f.graphUrl("/users/delta"));
  }

  @Test
  void latencyDelaysTheRequestWhichThenProceeds() {
    f.fault(new JsonObject().put("latencyMs", 400).put("pathRegex", "/users$"));
    f.fault(new JsonObject().put("latencyMs", 300).put("status", 504).put("pathRegex", "/me$"));

    long start = System.nanoTime();
    Response delayed = f.graph().get(f.graphUrl("/users"));
    long delayedMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    Response failed = f.graph().get(f.graphUrl("/me"));
    long failedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(delayed.statusCode()).isEqualTo(200);
    assertThat(delayed.jsonPath().getList("value")).hasSize(10);
    assertThat(delayedMillis).isGreaterThanOrEqualTo(400);
    assertThat(failed.statusCode()).isEqualTo(504);
    assertThat(failedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void rulesMatchMethodPathAndTenant() {
    User user = f.mailboxUsers().get(0);
    f.fault(new JsonObject().put("method", "post").put("status", 500));
    f.fault(new JsonObject().put("tenantId", "someone-else.onmicrosoft.com").put("status", 500));
    f.fault(
        new JsonObject()
            .put("tenantId", "contoso.onmicrosoft.com")
            .put("pathRegex", "/mailFolders$")
            .put("status", 503));

    assertThat(f.graph().get(f.graphUrl("/users")).statusCode()).isEqualTo(200);
    assertThat(f.graph().get(f.graphUrl("/users/" + user.id() + "/mailFolders")).statusCode())
        .isEqualTo(503);
    assertThat(f.graph().post(f.graphUrl("/users")).statusCode()).isEqualTo(500);
  }

  @Test
  void identityRequestsGetEntraShapedErrors() {
    f.fault(
        new JsonObject()
            .put("pathRegex", "/oauth2/v2\\.0/token$")
            .put("tenantId", f.tenant.id())
            .put("status", 503)
            .put("retryAfterSeconds", 3));

    Response response = f.refresh(f.refreshToken(f.mailboxUsers().get(0)));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isEqualTo("3");
    JsonPath body = response.jsonPath();
    assertThat(body.getString("error")).isEqualTo("temporarily_unavailable");
    assertThat(body.getString("error_description")).startsWith("AADSTS90033: ");
    assertThat(body.getList("error_codes", Integer.class)).containsExactly(90033);
    assertThat(body.getString("timestamp")).isNotBlank();
    assertThat(body.getString("trace_id")).isNotBlank();
    assertThat(body.getString("correlation_id")).isNotBlank();
  }
}
