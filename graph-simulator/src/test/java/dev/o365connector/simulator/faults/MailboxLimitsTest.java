package dev.o365connector.simulator.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.simulator.directory.User;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MailboxLimitsTest {

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
  void theFifthConcurrentRequestToAMailboxIsThrottled() {
    User busy = f.mailboxUsers().get(0);
    User quiet = f.mailboxUsers().get(1);
    limits(new JsonObject().put("mailboxConcurrency", 4));
    String slow =
        f.fault(
            new JsonObject().put("latencyMs", 3000).put("pathRegex", busy.id()).put("count", 4));

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      inFlight.add(
          client.sendAsync(
              get("/users/" + busy.id() + "/mailFolders"), HttpResponse.BodyHandlers.ofString()));
    }
    // The four hold their slots once the fault rule has delayed them all.
    await().atMost(Duration.ofSeconds(2)).until(() -> fired(slow) == 4);
    Response fifth =
        f.graph().get(f.graphUrl("/users/" + busy.userPrincipalName() + "/mailFolders"));
    Response otherMailbox = f.graph().get(f.graphUrl("/users/" + quiet.id() + "/mailFolders"));

    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(fifth.header("Retry-After")).isEqualTo("1");
    assertThat(fifth.jsonPath().getString("error.code")).isEqualTo("ApplicationThrottled");
    assertThat(fifth.jsonPath().getString("error.message"))
        .isEqualTo("Application is over its MailboxConcurrency limit.");
    assertThat(otherMailbox.statusCode()).isEqualTo(200);
    assertThat(inFlight.stream().map(r -> r.join().statusCode())).containsOnly(200).hasSize(4);
    assertThat(f.graph().get(f.graphUrl("/users/" + busy.id() + "/mailFolders")).statusCode())
        .as("slots are released when responses end")
        .isEqualTo(200);
  }

  @Test
  void requestsBeyondTheBudgetAreThrottledUntilTheWindowFrees() {
    User user = f.mailboxUsers().get(2);
    limits(
        new JsonObject()
            .put(
                "mailboxRequestBudget",
                new JsonObject().put("requests", 3).put("windowSeconds", 60)));

    List<Integer> statuses = new ArrayList<>();
    statuses.add(
        given()
            .auth()
            .oauth2(f.delegatedToken(user))
            .get(f.graphUrl("/me/mailFolders"))
            .statusCode());
    for (int i = 0; i < 2; i++) {
      statuses.add(f.graph().get(f.graphUrl("/users/" + user.id() + "/mailFolders")).statusCode());
    }
    Response throttled =
        f.graph().get(f.graphUrl("/users/" + user.userPrincipalName() + "/messages/some-id"));

    assertThat(statuses).containsExactly(200, 200, 200);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.jsonPath().getString("error.code")).isEqualTo("ApplicationThrottled");
    assertThat(throttled.jsonPath().getString("error.message"))
        .isEqualTo("Application is over its MailboxRequestLimit limit.");
    assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(55, 60);
    assertThat(f.graph().get(f.graphUrl("/users")).statusCode())
        .as("non-Outlook routes are not limited")
        .isEqualTo(200);
    assertThat(
            f.graph()
                .get(f.graphUrl("/users/" + f.mailboxUsers().get(3).id() + "/mailFolders"))
                .statusCode())
        .as("other mailboxes are not limited")
        .isEqualTo(200);
  }

  @Test
  void limitsAreShownAndCanBeTurnedOff() {
    JsonObject set =
        new JsonObject()
            .put("mailboxConcurrency", 4)
            .put(
                "mailboxRequestBudget",
                new JsonObject().put("requests", 100).put("windowSeconds", 60));
    limits(set);

    assertThat(new JsonObject(given().get(f.sim.baseUrl() + "/_sim/limits").asString()))
        .isEqualTo(set);
    limits(new JsonObject().putNull("mailboxConcurrency"));
    assertThat(new JsonObject(given().get(f.sim.baseUrl() + "/_sim/limits").asString()))
        .isEqualTo(new JsonObject().putNull("mailboxConcurrency").putNull("mailboxRequestBudget"));
  }

  @Test
  void malformedLimitsAreRefused() {
    for (String body :
        List.of(
            "{\"mailboxConcurrency\":0}",
            "{\"mailboxRequestBudget\":{\"requests\":10}}",
            "{\"mailboxConcurency\":4}",
            "[]")) {
      given()
          .contentType("application/json")
          .body(body)
          .post(f.sim.baseUrl() + "/_sim/limits")
          .then()
          .statusCode(400);
    }
  }

  private static void limits(JsonObject limits) {
    given()
        .contentType("application/json")
        .body(limits.encode())
        .post(f.sim.baseUrl() + "/_sim/limits")
        .then()
        .statusCode(200);
  }

  private static int fired(String ruleId) {
    return given()
        .get(f.sim.baseUrl() + "/_sim/faults")
        .jsonPath()
        .getInt("find { it.id == '" + ruleId + "' }.fired");
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(f.graphUrl(path)))
        .header("Authorization", "Bearer " + f.appToken())
        .GET()
        .build();
  }
}
