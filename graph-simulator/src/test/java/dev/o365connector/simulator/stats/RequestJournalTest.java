package dev.o365connector.simulator.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.faults.SimFixture;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

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
  void journalsGraphRequestsWithWhatTheClientSentAndWhatItWasAnswered() {
    User user = f.mailboxUsers().get(0);
    f.fault(
        new JsonObject()
            .put("status", 429)
            .put("retryAfterSeconds", 2)
            .put("pathRegex", "/mailFolders$")
            .put("count", 1));
    Instant before = Instant.now();
    f.graph()
        .urlEncodingEnabled(false)
        .header("client-request-id", "c-1")
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .get(f.graphUrl("/users/" + user.userPrincipalName() + "/mailFolders?$top=5"))
        .then()
        .statusCode(429);
    f.graph()
        .header("client-request-id", "c-2")
        .get(f.graphUrl("/users/" + user.id() + "/mailFolders"))
        .then()
        .statusCode(200);
    given().get(f.graphUrl("/users")).then().statusCode(401);
    f.refresh(f.refreshToken(user)).then().statusCode(200);
    given().get(f.sim.baseUrl() + "/_sim/info").then().statusCode(200);

    List<JsonObject> requests = awaitJournal("", 3);

    assertThat(requests.get(0))
        .isEqualTo(
            new JsonObject()
                .put("receivedAt", requests.get(0).getString("receivedAt"))
                .put("method", "GET")
                .put("path", "/v1.0/users/" + user.userPrincipalName() + "/mailFolders")
                .put("query", "$top=5")
                .put("status", 429)
                .put("mailbox", user.id())
                .put("clientId", SimFixture.CLIENT)
                .put("clientRequestId", "c-1")
                .put("retryAfter", "2")
                .put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    assertThat(requests.get(1).getString("path"))
        .isEqualTo("/v1.0/users/" + user.id() + "/mailFolders");
    assertThat(requests.get(1).getInteger("status")).isEqualTo(200);
    assertThat(requests.get(1).getString("clientRequestId")).isEqualTo("c-2");
    assertThat(requests.get(1).getValue("query")).isNull();
    assertThat(requests.get(1).getValue("retryAfter")).isNull();
    assertThat(requests.get(1).getValue("traceparent")).isNull();
    JsonObject anonymous = requests.get(2);
    assertThat(anonymous.getString("path")).isEqualTo("/v1.0/users");
    assertThat(anonymous.getInteger("status")).isEqualTo(401);
    assertThat(anonymous.getString("clientId")).isEqualTo("anonymous");
    assertThat(anonymous.getValue("mailbox")).isNull();
    assertThat(anonymous.getValue("clientRequestId")).isNull();
    List<Instant> receivedAt =
        requests.stream()
            .map(r -> r.getString("receivedAt"))
            .peek(
                at -> assertThat(at).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"))
            .map(Instant::parse)
            .toList();
    assertThat(receivedAt).isSorted().allMatch(at -> !at.isBefore(before.minusSeconds(1)));
  }

  @Test
  void showsThatAClientWaitedTheRetryAfterItWasGiven() throws InterruptedException {
    f.fault(
        new JsonObject()
            .put("status", 503)
            .put("retryAfterSeconds", 1)
            .put("pathRegex", "^/v1\\.0/users$")
            .put("count", 1));

    Response refused = f.graph().get(f.graphUrl("/users"));
    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
    f.graph().get(f.graphUrl("/users")).then().statusCode(200);

    List<JsonObject> requests = awaitJournal("?pathRegex=/users$", 2);
    assertThat(requests.get(0).getInteger("status")).isEqualTo(503);
    Instant retryAllowedAt =
        Instant.parse(requests.get(0).getString("receivedAt"))
            .plusSeconds(Long.parseLong(requests.get(0).getString("retryAfter")));
    assertThat(Instant.parse(requests.get(1).getString("receivedAt")))
        .isAfterOrEqualTo(retryAllowedAt);
  }

  @Test
  void filtersByPathArrivalAndCount() {
    User user = f.mailboxUsers().get(1);
    f.graph().get(f.graphUrl("/users")).then().statusCode(200);
    for (int i = 0; i < 3; i++) {
      f.graph()
          .header("client-request-id", "folders-" + i)
          .get(f.graphUrl("/users/" + user.id() + "/mailFolders"))
          .then()
          .statusCode(200);
    }
    List<JsonObject> all = awaitJournal("", 4);

    assertThat(journal("?pathRegex=/mailFolders$"))
        .extracting(r -> r.getString("clientRequestId"))
        .containsExactly("folders-0", "folders-1", "folders-2");
    assertThat(journal("?pathRegex=/mailFolders$&limit=2"))
        .extracting(r -> r.getString("clientRequestId"))
        .containsExactly("folders-1", "folders-2");
    assertThat(journal("?since=" + all.get(2).getString("receivedAt")))
        .extracting(r -> r.getString("clientRequestId"))
        .containsExactly("folders-1", "folders-2");
    assertThat(journal("?limit=0")).isEmpty();
    for (String bad : List.of("?pathRegex=(", "?since=yesterday", "?limit=-1", "?limit=many")) {
      given()
          .urlEncodingEnabled(false)
          .get(f.sim.baseUrl() + "/_sim/requests" + bad)
          .then()
          .statusCode(400);
    }
  }

  @Test
  void deletingTheJournalOrTheStatisticsEmptiesIt() {
    f.graph().get(f.graphUrl("/users")).then().statusCode(200);
    awaitJournal("", 1);

    given().delete(f.sim.baseUrl() + "/_sim/requests").then().statusCode(204);
    assertThat(journal("")).isEmpty();

    f.graph().get(f.graphUrl("/users")).then().statusCode(200);
    awaitJournal("", 1);
    given().delete(f.sim.baseUrl() + "/_sim/stats").then().statusCode(204);
    assertThat(journal("")).isEmpty();
  }

  @Test
  void keepsOnlyTheMostRecentEntries() {
    // Not started: the journal is reachable without a server.
    RequestJournal journal =
        RequestJournal.of(new GraphSimulator(SimulatorConfig.defaults()).context());
    Instant start = Instant.parse("2026-11-26T18:00:00Z");
    IntStream.range(0, RequestJournal.CAPACITY + 5)
        .forEach(
            i ->
                journal.record(
                    new RequestJournal.Entry(
                        start.plusMillis(i),
                        "GET",
                        "/v1.0/users/" + i,
                        null,
                        200,
                        null,
                        "c",
                        null,
                        null,
                        null)));

    JsonArray kept =
        journal.find(new JournalQuery(null, null, Integer.MAX_VALUE)).getJsonArray("requests");

    assertThat(kept).hasSize(RequestJournal.CAPACITY);
    assertThat(kept.getJsonObject(0).getString("path")).isEqualTo("/v1.0/users/5");
    assertThat(kept.getJsonObject(0).getString("receivedAt"))
        .isEqualTo("2026-11-26T18:00:00.005000Z");
    assertThat(kept.getJsonObject(kept.size() - 1).getString("path"))
        .isEqualTo("/v1.0/users/" + (RequestJournal.CAPACITY + 4));
  }

  /** Requests are journaled as their responses end, just after the client has them. */
  private static List<JsonObject> awaitJournal(String query, int size) {
    await().atMost(Duration.ofSeconds(2)).until(() -> journal(query).size() == size);
    return journal(query);
  }

  private static List<JsonObject> journal(String query) {
    String body =
        given()
            .urlEncodingEnabled(false)
            .get(f.sim.baseUrl() + "/_sim/requests" + query)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return new JsonObject(body)
        .getJsonArray("requests").stream().map(JsonObject.class::cast).toList();
  }
}
