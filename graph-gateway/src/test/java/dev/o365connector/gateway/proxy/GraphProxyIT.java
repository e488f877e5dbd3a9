package dev.o365connector.gateway.proxy;

import static dev.o365connector.gateway.Gateway.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.o365connector.gateway.Gateway;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The proxy against the real auth-service and the simulator: what is allowed, what is refused. */
@QuarkusTest
class GraphProxyIT {

  private static String application;
  private static String delegatedMailOnly;

  @TestHTTPResource("/")
  URL self;

  private static synchronized String application() {
    if (application == null) {
      application = Gateway.applicationInstall();
    }
    return application;
  }

  private static synchronized String delegatedMailOnly() {
    if (delegatedMailOnly == null) {
      delegatedMailOnly = Gateway.delegatedInstall("[\"mail\"]");
    }
    return delegatedMailOnly;
  }

  private static String someUser() {
    return get(application(), "/users?$top=1").then().statusCode(200).extract().path("value[0].id");
  }

  @Test
  void applicationInstallationReadsEveryResourceOfItsUsers() {
    String user = someUser();
    for (String path :
        List.of(
            "/users",
            "/users/" + user,
            "/users/" + user + "/mailFolders",
            "/users/" + user + "/calendars",
            "/users/" + user + "/calendarGroups",
            "/users/" + user + "/drive/root/children")) {
      get(application(), path)
          .then()
          .statusCode(200)
          .header("client-request-id", not(equalTo("")))
          .header("request-id", not(equalTo("")))
          .contentType(startsWith("application/json"));
    }
  }

  @Test
  void delegatedInstallationReadsTheSignedInUsersMail() {
    get(delegatedMailOnly(), "/me/mailFolders").then().statusCode(200).body("value.size()", not(0));
    get(delegatedMailOnly(), "/me/mailFolders/inbox/messages?$top=2")
        .then()
        .statusCode(200)
        .body("value.size()", equalTo(2));
  }

  @Test
  void delegatedInstallationReadsEveryResourceOfTheSignedInUser() {
    String everything = Gateway.delegatedInstall("[\"users\",\"mail\",\"calendar\",\"files\"]");
    for (String path :
        List.of(
            "/me",
            "/users?$top=2",
            "/me/mailFolders/inbox/messages?$top=1",
            "/me/calendars",
            "/me/calendarGroups",
            "/me/events?$top=1",
            "/me/drive/root/children")) {
      get(everything, path).then().statusCode(200).contentType(startsWith("application/json"));
    }
  }

  @Test
  void callersGetTheirClientRequestIdBack() {
    given()
        .header("Authorization", "Bearer " + Gateway.readerToken())
        .header("client-request-id", "8c2b7a40-1111-4a5e-9d0c-3f1e2d3c4b5a")
        .get("/graph/" + application() + "/v1.0/users?$top=1")
        .then()
        .statusCode(200)
        .header("client-request-id", "8c2b7a40-1111-4a5e-9d0c-3f1e2d3c4b5a");
  }

  @Test
  void routesOffTheListAreRefusedBeforeAnyGraphCall() {
    warmUp(); // tokens cached: what follows must not reach the simulator at all
    Instant before = Instant.now();
    problem(get(application(), "/groups"), 403, "route-not-allowed");
    problem(get(application(), "/me/messages"), 403, "route-not-allowed");
    problem(get(delegatedMailOnly(), "/users/someone/messages"), 403, "route-not-allowed");
    problem(
        given()
            .header("Authorization", "Bearer " + Gateway.readerToken())
            .contentType("application/json")
            .body("{}")
            .post("/graph/" + application() + "/v1.0/users"),
        403,
        "route-not-allowed");
    assertThat(Gateway.graphRequestsSince(before)).isEmpty();
  }

  @Test
  void missingPermissionNamesRequiredAndGranted() {
    Response response = get(delegatedMailOnly(), "/me/drive/root/children");
    problem(response, 403, "permission-missing");
    response.then().body("requiredPermission", equalTo("Files.Read"));
    response.then().body("grantedPermissions", hasItem("Mail.Read"));
  }

  @Test
  void unknownAndInactiveInstallations() {
    problem(get(UUID.randomUUID().toString(), "/users"), 404, "not-found");
    String doomed = Gateway.delegatedInstall("[\"users\"]");
    get(doomed, "/me").then().statusCode(200);
    Gateway.installs().uninstall(doomed);
    // The uninstall event evicts the gateway's cached token; auth-service then answers 409.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> problem(get(doomed, "/me"), 409, "installation-not-active"));
  }

  @Test
  void callersNeedAPlatformTokenWithGraphRead() {
    given().get("/graph/" + application() + "/v1.0/users").then().statusCode(401);
    given()
        .header("Authorization", "Bearer " + Gateway.installs().platformToken("graph-gateway"))
        .get("/graph/" + application() + "/v1.0/users")
        .then()
        .statusCode(403);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/me/../users",
        "/users/%2e%2e/users",
        "/users%2F..%2F_sim",
        "/users\\..\\_sim",
        "//evil.example/users",
        "/users/a@evil.example/messages",
        "/_sim/info",
        "/me/messages%0d%0aX:%20y",
      })
  void pathTricksAreRefusedWithoutReachingGraph(String trick) throws Exception {
    warmUp();
    Instant before = Instant.now();
    String answer = Gateway.raw(self.getPort(), "/graph/" + application() + "/v1.0" + trick);
    // Vert.x itself refuses some (a raw backslash) before the gateway sees them; 400 either way.
    assertThat(answer).startsWith("HTTP/1.1 400");
    String beta = Gateway.raw(self.getPort(), "/graph/" + application() + "/beta/users");
    assertThat(beta).startsWith("HTTP/1.1 400");
    assertThat(Gateway.graphRequestsSince(before)).isEmpty();
  }

  @Test
  void malformedOversizedAndOverfullBatchesAreRefused() {
    String url = "/graph/" + application() + "/v1.0/$batch";
    StringBuilder many = new StringBuilder("{\"requests\":[");
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",")
          .append("{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/users\"}");
    }
    many.append("]}");
    problem(batch(url, many.toString()), 400, "invalid-batch");
    problem(batch(url, "{not json"), 400, "invalid-batch");
    problem(batch(url, "{\"requests\":[{\"id\":\"1\"}]}"), 400, "invalid-batch");
    problem(batch(url, "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}"), 413, "body-too-large");
  }

  private static Response batch(String url, String body) {
    return given()
        .header("Authorization", "Bearer " + Gateway.readerToken())
        .contentType("application/json")
        .body(body)
        .post(url);
  }

  @Test
  void metricsCountRequestsByRouteStatusAndOutcome() {
    warmUp();
    get(application(), "/groups").then().statusCode(403);
    String metrics = given().get("/q/metrics").asString();
    assertThat(metrics)
        .containsPattern(
            "o365_gateway_requests_total\\{[^}]*outcome=\"allowed\",route=\"/users\",status=\"200\"")
        .containsPattern(
            "o365_gateway_requests_total\\{[^}]*outcome=\"denied\",route=\"unmatched\",status=\"403\"")
        .contains("o365_gateway_upstream_seconds_count{route=\"/users\"}")
        .contains("o365_gateway_added_seconds")
        .contains("o365_gateway_mailbox_queue");
  }

  private static void warmUp() {
    someUser();
    get(delegatedMailOnly(), "/me/mailFolders").then().statusCode(200);
  }

  static void problem(Response response, int status, String slug) {
    response
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("type", equalTo("https://o365connector.dev/problems/" + slug))
        .body("status", equalTo(status));
  }
}
