package dev.o365connector.simulator.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.faults.SimFixture;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestStatsTest {

  private static SimFixture f;

  @BeforeAll
  static void start() {
    f = SimFixture.start();
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  @BeforeEach
  void reset() {
    f.resetTraffic();
    given().delete(f.sim.baseUrl() + "/_sim/stats").then().statusCode(204);
  }

  @Test
  void countsRequestsByRouteStatusClientAndMailbox() {
    User user = f.mailboxUsers().get(0);
    f.graph().get(f.graphUrl("/users")).then().statusCode(200);
    f.graph().get(f.graphUrl("/users?$top=2")).then().statusCode(200);
    given().get(f.graphUrl("/users")).then().statusCode(401);
    f.graph().get(f.graphUrl("/users/nobody@contoso.onmicrosoft.com")).then().statusCode(404);
    f.graph()
        .get(f.graphUrl("/users/" + user.userPrincipalName() + "/mailFolders"))
        .then()
        .statusCode(200);
    f.fault(new JsonObject().put("status", 503).put("pathRegex", "/mailFolders$").put("count", 1));
    f.graph().get(f.graphUrl("/users/" + user.id() + "/mailFolders")).then().statusCode(503);

    JsonObject requests = awaitStats(6).getJsonObject("requests");

    assertThat(counts(requests.getJsonObject("byRoute")))
        .containsEntry("GET /v1.0/users", 3L)
        .containsEntry("GET /v1.0/users/{id}", 1L)
        .containsEntry("GET /v1.0/users/{id}/mailFolders", 2L)
        .hasSize(3);
    assertThat(counts(requests.getJsonObject("byStatus")))
        .containsEntry("200", 3L)
        .containsEntry("401", 1L)
        .containsEntry("404", 1L)
        .containsEntry("503", 1L);
    assertThat(counts(requests.getJsonObject("byClient")))
        .containsEntry(SimFixture.CLIENT, 5L)
        .containsEntry("anonymous", 1L);
    assertThat(counts(requests.getJsonObject("byMailbox"))).containsOnly(entry(user.id(), 2L));
  }

  @Test
  void countsTokenResponsesByGrantTypeClientAndTenant() {
    String clientId = f.app().clientId();
    f.refresh(f.refreshToken(f.mailboxUsers().get(0))).then().statusCode(200);
    given()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", f.app().secrets().get(0))
        .formParam("scope", "https://graph.microsoft.com/.default")
        .post(f.sim.baseUrl() + "/contoso.onmicrosoft.com/oauth2/v2.0/token")
        .then()
        .statusCode(400);

    JsonObject stats = awaitStats(2);

    assertThat(counts(stats.getJsonObject("requests").getJsonObject("byRoute")))
        .containsOnly(entry("POST /{id}/oauth2/v2.0/token", 2L));
    assertThat(counts(stats.getJsonObject("requests").getJsonObject("byClient")))
        .containsOnly(entry(clientId, 2L));
    JsonObject tokens = stats.getJsonObject("tokens");
    assertThat(counts(tokens.getJsonObject("counters")))
        .containsEntry("token.refresh_token", 1L)
        .containsEntry("error.7000229", 1L);
    JsonObject issued = tokens.getJsonObject("issued");
    assertThat(issued.getLong("total")).isEqualTo(1);
    assertThat(counts(issued.getJsonObject("byGrantType")))
        .containsOnly(entry("refresh_token", 1L));
    assertThat(counts(issued.getJsonObject("byClient"))).containsOnly(entry(clientId, 1L));
    assertThat(counts(issued.getJsonObject("byTenant"))).containsOnly(entry(f.tenant.id(), 1L));
    assertThat(counts(tokens.getJsonObject("failed").getJsonObject("byGrantType")))
        .containsOnly(entry("client_credentials", 1L));
  }

  @Test
  void resetForgetsEverythingAndTheControlApiIsNotCounted() {
    f.graph().get(f.graphUrl("/users")).then().statusCode(200);
    f.refresh(f.refreshToken(f.mailboxUsers().get(0))).then().statusCode(200);
    awaitStats(2);

    given().delete(f.sim.baseUrl() + "/_sim/stats").then().statusCode(204);
    given().get(f.sim.baseUrl() + "/_sim/info").then().statusCode(200);

    JsonObject stats = new JsonObject(given().get(f.sim.baseUrl() + "/_sim/stats").asString());
    assertThat(stats.getJsonObject("requests").getLong("total")).isZero();
    assertThat(stats.getJsonObject("requests").getJsonObject("byRoute")).isEmpty();
    assertThat(stats.getJsonObject("tokens").getJsonObject("counters")).isEmpty();
    assertThat(stats.getJsonObject("tokens").getJsonObject("issued").getLong("total")).isZero();
  }

  @Test
  void peakInFlightIsTheMostRequestsAMailboxHadBeingServedAtOnce() {
    User busy = f.mailboxUsers().get(0);
    User quiet = f.mailboxUsers().get(1);
    // No limit is set; a latency-only rule holds the busy mailbox's requests, then serves them.
    f.fault(new JsonObject().put("latencyMs", 1000).put("pathRegex", busy.id()));

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> calls =
        IntStream.range(0, 6)
            .mapToObj(
                i ->
                    client.sendAsync(
                        HttpRequest.newBuilder(
                                URI.create(f.graphUrl("/users/" + busy.id() + "/mailFolders")))
                            .header("Authorization", "Bearer " + f.appToken())
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
            .toList();
    await().atMost(Duration.ofSeconds(2)).until(() -> load(busy).getInteger("inFlight", 0) == 6);
    f.graph().get(f.graphUrl("/users/" + quiet.id() + "/mailFolders")).then().statusCode(200);

    assertThat(calls.stream().map(CompletableFuture::join))
        .allSatisfy(
            response -> {
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(new JsonObject(response.body()).getJsonArray("value")).isNotEmpty();
            });
    awaitStats(7);
    assertThat(load(busy))
        .isEqualTo(new JsonObject().put("inFlight", 0).put("peakInFlight", 6).put("requests", 6));
    assertThat(load(quiet))
        .isEqualTo(new JsonObject().put("inFlight", 0).put("peakInFlight", 1).put("requests", 1));
    given().delete(f.sim.baseUrl() + "/_sim/stats").then().statusCode(204);
    assertThat(stats().getJsonObject("mailboxes")).isEmpty();
  }

  private static JsonObject load(User mailbox) {
    return stats().getJsonObject("mailboxes").getJsonObject(mailbox.id(), new JsonObject());
  }

  /** Responses are counted as they end, just after the client has them. */
  private static JsonObject awaitStats(long total) {
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> stats().getJsonObject("requests").getLong("total") == total);
    return stats();
  }

  private static JsonObject stats() {
    return new JsonObject(given().get(f.sim.baseUrl() + "/_sim/stats").asString());
  }

  private static Map<String, Long> counts(JsonObject json) {
    Map<String, Long> counts = new TreeMap<>();
    json.forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).longValue()));
    return counts;
  }

  private static Map.Entry<String, Long> entry(String key, long value) {
    return Map.entry(key, value);
  }
}
