package dev.o365connector.gateway.proxy;

import static dev.o365connector.gateway.Gateway.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.o365connector.gateway.Gateway;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Links, batches, token refresh, throttling and the per-mailbox limit, proved by what the simulator
 * saw (its request journal and per-mailbox peaks).
 */
@QuarkusTest
class GraphResilienceIT {

  private static String application;

  private static synchronized String application() {
    if (application == null) {
      application = Gateway.applicationInstall();
    }
    return application;
  }

  @AfterEach
  void clearFaults() {
    Gateway.simulatorDelete("/_sim/faults");
    Gateway.simulatorPost("/_sim/limits", "{}");
  }

  private static List<String> users(int count) {
    return get(application(), "/users?$top=" + count)
        .then()
        .statusCode(200)
        .extract()
        .path("value.id");
  }

  @Test
  void aWholeDeltaRoundPagesThroughTheGateway() {
    String base = "http://localhost:" + port() + "/graph/" + application() + "/v1.0";
    String user = users(1).get(0);
    Response page =
        given()
            .header("Authorization", "Bearer " + Gateway.readerToken())
            .header("Prefer", "odata.maxpagesize=3")
            .urlEncodingEnabled(false)
            .get(base + "/users/" + user + "/mailFolders/inbox/messages/delta");
    int pages = 1;
    int messages = 0;
    while (true) {
      page.then().statusCode(200);
      JsonObject body = new JsonObject(page.asString());
      messages += body.getJsonArray("value").size();
      String next = body.getString("@odata.nextLink");
      if (next == null) {
        assertThat(body.getString("@odata.deltaLink")).startsWith(base + "/");
        Gateway.follow(body.getString("@odata.deltaLink")).then().statusCode(200);
        break;
      }
      assertThat(next).startsWith(base + "/");
      page = Gateway.follow(next);
      pages++;
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(messages).isGreaterThan(3);
  }

  @Test
  void aGone410PointsBackThroughTheGateway() {
    String base = "http://localhost:" + port() + "/graph/" + application() + "/v1.0";
    Gateway.simulatorPost(
        "/_sim/faults", "{\"pathRegex\":\"/users/delta$\",\"status\":410,\"count\":1}");
    get(application(), "/users/delta?$deltatoken=stale")
        .then()
        .statusCode(410)
        .header("Location", equalTo(base + "/users/delta"));
  }

  @Test
  void afterA429TheMailboxStaysQuietForItsRetryAfter() throws Exception {
    String user = users(1).get(0);
    String path = "/users/" + user + "/mailFolders";
    Gateway.simulatorPost(
        "/_sim/faults",
        "{\"pathRegex\":\"" + path + "$\",\"status\":429,\"retryAfterSeconds\":2,\"count\":1}");
    Instant before = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> get(application(), path).statusCode(), pool));
        Thread.sleep(50);
      }
      assertThat(calls.stream().map(CompletableFuture::join).toList()).containsOnly(200);
    } finally {
      pool.shutdownNow();
    }
    List<JsonObject> seen = journal(before, path + "$");
    JsonObject throttled =
        seen.stream().filter(r -> r.getInteger("status") == 429).findFirst().orElseThrow();
    Instant quietUntil = Instant.parse(throttled.getString("receivedAt")).plusSeconds(2);
    // Every request after the 429 (the retry and the ones queued behind it) waited it out.
    assertThat(seen.stream().filter(r -> r.getInteger("status") == 200))
        .hasSize(6)
        .allSatisfy(
            r ->
                assertThat(Instant.parse(r.getString("receivedAt")))
                    .satisfiesAnyOf(
                        at ->
                            assertThat(at)
                                .isBefore(Instant.parse(throttled.getString("receivedAt"))),
                        at -> assertThat(at).isAfterOrEqualTo(quietUntil)));
  }

  @Test
  void batchForwardsAllowedRequestsAndRefusesTheOthersOneByOne() {
    String user = users(1).get(0);
    String batch =
        new JsonObject()
            .put(
                "requests",
                new JsonArray()
                    .add(request("1", "/users/" + user))
                    .add(request("2", "/groups"))
                    .add(request("3", "/users/" + user + "/mailFolders"))
                    .add(request("4", "/me/messages"))
                    .add(request("5", "/users/" + user + "/../../_sim/info")))
            .encode();
    Instant before = Instant.now();
    Response response =
        given()
            .header("Authorization", "Bearer " + Gateway.readerToken())
            .contentType("application/json")
            .body(batch)
            .post("/graph/" + application() + "/v1.0/$batch");
    response.then().statusCode(200);
    JsonArray responses = new JsonObject(response.asString()).getJsonArray("responses");
    assertThat(responses.stream().map(r -> ((JsonObject) r).getString("id")))
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(statusOf(responses, "1")).isEqualTo(200);
    assertThat(statusOf(responses, "2")).isEqualTo(403);
    assertThat(statusOf(responses, "3")).isEqualTo(200);
    assertThat(statusOf(responses, "4")).isEqualTo(403);
    assertThat(statusOf(responses, "5")).isEqualTo(400);
    JsonArray seen = Gateway.graphRequestsSince(before);
    // One batch reached Graph, holding only the allowed requests (the simulator journals both).
    assertThat(seen.stream().map(r -> ((JsonObject) r).getString("path")))
        .containsExactlyInAnyOrder(
            "/v1.0/$batch", "/v1.0/users/" + user, "/v1.0/users/" + user + "/mailFolders");
  }

  @Test
  void graph401IsRetriedOnceWithARefreshedToken() {
    users(1); // token cached
    long grants = clientCredentialGrants();
    Gateway.simulatorPost("/_sim/faults", "{\"pathRegex\":\"/users$\",\"status\":401,\"count\":1}");
    get(application(), "/users?$top=1").then().statusCode(200);
    assertThat(clientCredentialGrants()).isEqualTo(grants + 1);
  }

  @Test
  void retryAfterIsHonouredAndNeverAnticipated() {
    users(1);
    Gateway.simulatorPost(
        "/_sim/faults",
        "{\"pathRegex\":\"/users$\",\"status\":429,\"retryAfterSeconds\":2,\"count\":2}");
    Instant before = Instant.now();
    get(application(), "/users?$top=1").then().statusCode(200);
    List<JsonObject> attempts = journal(before, "/users$");
    assertThat(attempts).extracting(a -> a.getInteger("status")).containsExactly(429, 429, 200);
    for (int i = 1; i < attempts.size(); i++) {
      Duration gap =
          Duration.between(
              Instant.parse(attempts.get(i - 1).getString("receivedAt")),
              Instant.parse(attempts.get(i).getString("receivedAt")));
      assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void a503StormExhaustsTheBudgetAndPassesGraphsAnswerThrough() {
    users(1);
    Gateway.simulatorPost(
        "/_sim/faults",
        "{\"pathRegex\":\"/users$\",\"status\":503,\"retryAfterSeconds\":2,\"count\":100}");
    Instant before = Instant.now();
    get(application(), "/users?$top=1").then().statusCode(503).header("Retry-After", equalTo("2"));
    // A 5 s budget holds two 2 s waits: three attempts, then Graph's answer.
    assertThat(journal(before, "/users$")).hasSize(3);
  }

  @Test
  void atMostFourInFlightPerMailboxWhileAnotherMailboxProceeds() throws Exception {
    List<String> two = users(2);
    String busy = two.get(0);
    String other = two.get(1);
    Gateway.simulatorPost("/_sim/limits", "{\"mailboxConcurrency\":4}");
    Gateway.simulatorPost(
        "/_sim/faults", "{\"pathRegex\":\"/users/" + busy + "/mailFolders$\",\"latencyMs\":300}");
    Gateway.simulatorDelete("/_sim/stats");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<CompletableFuture<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> get(application(), "/users/" + busy + "/mailFolders").statusCode(), pool));
      }
      long started = System.nanoTime();
      get(application(), "/users/" + other + "/mailFolders").then().statusCode(200);
      Duration otherTook = Duration.ofNanos(System.nanoTime() - started);
      List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();

      assertThat(statuses).containsOnly(200);
      JsonObject mailboxes = Gateway.simulatorStats().getJsonObject("mailboxes");
      assertThat(mailboxes.getJsonObject(busy).getInteger("peakInFlight")).isEqualTo(4);
      assertThat(mailboxes.getJsonObject(busy).getInteger("requests")).isEqualTo(50);
      // 50 calls, 4 at a time, 300 ms each: about 4 s for the busy mailbox, not for the other.
      assertThat(otherTook).isLessThan(Duration.ofSeconds(2));
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<JsonObject> journal(Instant since, String pathRegex) {
    List<JsonObject> matching = new ArrayList<>();
    for (Object entry : Gateway.graphRequestsSince(since)) {
      JsonObject request = (JsonObject) entry;
      if (java.util.regex.Pattern.compile(pathRegex).matcher(request.getString("path")).find()) {
        matching.add(request);
      }
    }
    return matching;
  }

  private static long clientCredentialGrants() {
    JsonObject byGrant =
        Gateway.simulatorStats()
            .getJsonObject("tokens")
            .getJsonObject("issued")
            .getJsonObject("byGrantType");
    return byGrant.getLong("client_credentials", 0L);
  }

  private static JsonObject request(String id, String url) {
    return new JsonObject().put("id", id).put("method", "GET").put("url", url);
  }

  private static int statusOf(JsonArray responses, String id) {
    return responses.stream()
        .map(JsonObject.class::cast)
        .filter(r -> r.getString("id").equals(id))
        .findFirst()
        .orElseThrow()
        .getInteger("status");
  }

  private static int port() {
    return io.restassured.RestAssured.port;
  }
}
