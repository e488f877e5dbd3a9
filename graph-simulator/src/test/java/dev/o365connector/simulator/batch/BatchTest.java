package dev.o365connector.simulator.batch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.faults.SimFixture;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchTest {

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
  void runsEachRequestAndAnswersWithTheirResponses() {
    User user = f.mailboxUsers().get(0);
    JsonArray requests =
        new JsonArray()
            .add(get("user", "/users/" + user.id()))
            .add(get("folders", "users/" + user.userPrincipalName() + "/mailFolders"))
            .add(get("me", "/me"))
            .add(new JsonObject().put("id", "post").put("method", "POST").put("url", "/users"));

    Response response = batch(requests);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("request-id")).isNotBlank();
    Map<String, JsonObject> byId = byId(response);
    assertThat(byId).containsOnlyKeys("user", "folders", "me", "post");
    JsonObject single = byId.get("user");
    assertThat(single.getInteger("status")).isEqualTo(200);
    assertThat(single.getJsonObject("body").getString("userPrincipalName"))
        .isEqualTo(user.userPrincipalName());
    assertThat(single.getJsonObject("headers").getString("Content-Type")).contains("json");
    assertThat(single.getJsonObject("headers").getString("request-id")).isNotBlank();
    assertThat(byId.get("folders").getInteger("status")).isEqualTo(200);
    assertThat(byId.get("folders").getJsonObject("body").getJsonArray("value")).isNotEmpty();
    assertThat(byId.get("me").getInteger("status"))
        .as("/me needs a delegated token, like a single request")
        .isEqualTo(400);
    assertThat(byId.get("post").getInteger("status")).isEqualTo(405);
  }

  @Test
  void moreThanTwentyRequestsAreRefused() {
    JsonArray requests = new JsonArray();
    for (int i = 1; i <= 21; i++) {
      requests.add(get(String.valueOf(i), "/users"));
    }

    Response response = batch(requests);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.jsonPath().getString("error.code")).isEqualTo("BadRequest");
    assertThat(response.jsonPath().getString("error.message"))
        .isEqualTo("The number of batch requests exceeds 20.");
  }

  @Test
  void idsMustBePresentAndUnique() {
    assertThat(
            batch(new JsonArray().add(new JsonObject().put("method", "GET").put("url", "/users")))
                .statusCode())
        .isEqualTo(400);
    assertThat(batch(new JsonArray().add(get("1", "/users")).add(get("1", "/me"))).statusCode())
        .isEqualTo(400);
    assertThat(
            batch(
                    new JsonArray()
                        .add(get("1", "/users").put("dependsOn", new JsonArray().add("9"))))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            given()
                .auth()
                .oauth2(f.appToken())
                .contentType("application/json")
                .body("{\"value\":[]}")
                .post(f.graphUrl("/$batch"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void badUrlsFailOnTheirOwn() {
    Map<String, JsonObject> byId =
        byId(
            batch(
                new JsonArray()
                    .add(get("absolute", "https://graph.microsoft.com/v1.0/users"))
                    .add(get("space", "/users/a b"))
                    .add(get("fine", "/users?$top=1"))));

    assertThat(byId.get("absolute").getInteger("status")).isEqualTo(400);
    assertThat(byId.get("space").getInteger("status")).isGreaterThanOrEqualTo(400);
    assertThat(byId.get("fine").getInteger("status")).isEqualTo(200);
  }

  @Test
  void dependentsRunAfterTheirDependenciesOrAnswer424WhenOneFailed() {
    JsonArray requests =
        new JsonArray()
            .add(get("missing", "/users/nobody@contoso.onmicrosoft.com"))
            .add(get("afterMissing", "/users").put("dependsOn", new JsonArray().add("missing")))
            .add(get("list", "/users?$top=1"))
            .add(get("afterList", "/users").put("dependsOn", new JsonArray().add("list")));

    Map<String, JsonObject> byId = byId(batch(requests));

    assertThat(byId.get("missing").getInteger("status")).isEqualTo(404);
    assertThat(byId.get("afterMissing").getInteger("status")).isEqualTo(424);
    assertThat(byId.get("list").getInteger("status")).isEqualTo(200);
    assertThat(byId.get("afterList").getInteger("status")).isEqualTo(200);
  }

  @Test
  void eachRequestIsThrottledAndCountedOnItsOwn() {
    User user = f.mailboxUsers().get(1);
    given().delete(f.sim.baseUrl() + "/_sim/stats").then().statusCode(204);
    f.fault(
        new JsonObject()
            .put("status", 429)
            .put("retryAfterSeconds", 5)
            .put("pathRegex", "/mailFolders$"));

    Map<String, JsonObject> byId =
        byId(
            batch(
                new JsonArray()
                    .add(get("folders", "/users/" + user.id() + "/mailFolders"))
                    .add(get("user", "/users/" + user.id()))));

    JsonObject throttled = byId.get("folders");
    assertThat(throttled.getInteger("status")).isEqualTo(429);
    assertThat(throttled.getJsonObject("headers").getString("Retry-After")).isEqualTo("5");
    assertThat(throttled.getJsonObject("body").getJsonObject("error").getString("code"))
        .isEqualTo("TooManyRequests");
    assertThat(byId.get("user").getInteger("status")).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(
                        given()
                            .get(f.sim.baseUrl() + "/_sim/stats")
                            .jsonPath()
                            .getMap("requests.byRoute"))
                    .containsEntry("POST /v1.0/$batch", 1)
                    .containsEntry("GET /v1.0/users/{id}/mailFolders", 1)
                    .containsEntry("GET /v1.0/users/{id}", 1));
  }

  private static JsonObject get(String id, String url) {
    return new JsonObject().put("id", id).put("method", "GET").put("url", url);
  }

  private static Response batch(JsonArray requests) {
    return given()
        .auth()
        .oauth2(f.appToken())
        .contentType("application/json")
        .body(new JsonObject().put("requests", requests).encode())
        .post(f.graphUrl("/$batch"));
  }

  private static Map<String, JsonObject> byId(Response response) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    Map<String, JsonObject> byId = new HashMap<>();
    new JsonObject(response.asString())
        .getJsonArray("responses")
        .forEach(r -> byId.put(((JsonObject) r).getString("id"), (JsonObject) r));
    return byId;
  }
}
