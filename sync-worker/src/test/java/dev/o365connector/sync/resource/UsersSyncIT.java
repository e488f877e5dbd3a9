package dev.o365connector.sync.resource;

import static dev.o365connector.contracts.Resource.USERS;
import static dev.o365connector.sync.Syncs.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Users through the whole chain — auth-service, graph-gateway and the simulator as they run in
 * production, sync requests and change events on real Kafka — checked against the simulator's
 * ground truth.
 */
@QuarkusTest
class UsersSyncIT {

  @Inject KnownInstallations installations;

  private final Syncs syncs = new Syncs();

  @Test
  void fullThenIncrementalSyncOfUsersMatchesTheDirectory() {
    String installation = syncs.applicationInstall(installations);

    String full = syncs.sync(installation, "FULL", USERS);
    assertThat(syncs.finalStatus(full).getString("state")).isEqualTo("SUCCEEDED");
    assertThat(syncs.live(USERS, installation)).isEqualTo(syncs.truth(USERS)).isNotEmpty();
    // The installation's own initial sync may have run first: look at this request's events.
    ConsumerRecord<String, String> sample =
        syncs.changes(USERS, installation).stream()
            .filter(r -> r.value() != null)
            .filter(r -> full.equals(new JsonObject(r.value()).getString("syncRequestId")))
            .findFirst()
            .orElseThrow();
    assertThat(header(sample, "ce_type")).isEqualTo("dev.o365connector.users.upserted");
    assertThat(header(sample, "ce_source")).isEqualTo("/installations/" + installation);
    assertThat(header(sample, "ce_specversion")).isEqualTo("1.0");
    assertThat(new JsonObject(sample.value()).getString("syncRequestId")).isEqualTo(full);

    JsonObject changed = syncs.mutate("{\"users\":{\"create\":2,\"update\":1,\"delete\":1}}");
    String incremental = syncs.sync(installation, "INCREMENTAL", USERS);
    assertThat(syncs.finalStatus(incremental).getString("state")).isEqualTo("SUCCEEDED");
    assertThat(syncs.live(USERS, installation)).isEqualTo(syncs.truth(USERS));
    String deleted = changed.getJsonObject("users").getJsonArray("deleted").getString(0);
    List<ConsumerRecord<String, String>> ofDeleted =
        syncs.changes(USERS, installation).stream()
            .filter(r -> r.key().equals(installation + "|" + deleted))
            .toList();
    // The DELETE is followed by a tombstone for the same key.
    ConsumerRecord<String, String> last = ofDeleted.get(ofDeleted.size() - 1);
    ConsumerRecord<String, String> beforeLast = ofDeleted.get(ofDeleted.size() - 2);
    assertThat(last.value()).isNull();
    assertThat(new JsonObject(beforeLast.value()).getString("op")).isEqualTo("DELETE");
  }

  @Test
  void operatorsSeeRunsAndCursorsButNoLinks() {
    String installation = syncs.applicationInstall(installations);
    String full = syncs.sync(installation, "FULL", USERS);
    syncs.finalStatus(full);
    String operator = syncs.platformToken("platform-dev");

    given()
        .auth()
        .oauth2(operator)
        .get("/syncs/" + full)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("state", equalTo("SUCCEEDED"))
        .body("counts.users.upserts", greaterThan(0));
    String state =
        given()
            .auth()
            .oauth2(operator)
            .get("/installations/" + installation + "/sync-state")
            .then()
            .statusCode(200)
            .body("cursors.find { it.resource == 'users' }.roundComplete", equalTo(true))
            .body("latestRuns.requestId", hasItem(full))
            .extract()
            .asString();
    assertThat(state).doesNotContain("deltatoken", "http");
    given().get("/syncs/" + full).then().statusCode(401);
    assertThat(given().get("/q/metrics").asString())
        .contains(
            "o365_sync_items_total{op=\"UPSERT\",resource=\"users\"}",
            "o365_sync_pages_total{resource=\"users\"}",
            "o365_sync_runs_total{outcome=\"succeeded\"}",
            "o365_sync_seconds_since_success{resource=\"users\"}");
    given()
        .auth()
        .oauth2(operator)
        .get("/syncs/no-such-request")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anExpiredDeltaTokenResyncsBetweenMarkersAndStillMatchesTheDirectory() {
    String installation = syncs.applicationInstall(installations);
    assertThat(syncs.finalStatus(syncs.sync(installation, "FULL", USERS)).getString("state"))
        .isEqualTo("SUCCEEDED");

    syncs.expireDeltaTokens();
    String resync = syncs.sync(installation, "INCREMENTAL", USERS);
    JsonObject status = syncs.finalStatus(resync);
    assertThat(status.getString("state")).isEqualTo("SUCCEEDED");
    assertThat(status.getBoolean("resync")).isTrue();

    List<String> types =
        syncs.changes(USERS, installation).stream()
            .filter(r -> r.value() != null)
            .filter(r -> new JsonObject(r.value()).getString("syncRequestId").equals(resync))
            .map(r -> header(r, "ce_type"))
            .toList();
    // Markers are keyed by installation, changes by object: different partitions, so no order.
    assertThat(types)
        .contains(
            "dev.o365connector.users.resync.started",
            "dev.o365connector.users.upserted",
            "dev.o365connector.users.resync.completed");
    assertThat(syncs.live(USERS, installation)).isEqualTo(syncs.truth(USERS));
  }
}
