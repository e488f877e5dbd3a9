package dev.o365connector.sync.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Topics;
import dev.o365connector.devstack.kafka.KafkaTestClient;
import dev.o365connector.devstack.services.InstallFlow;
import dev.o365connector.sync.installation.InstallationDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Users through the whole chain — auth-service, graph-gateway and the simulator as they run in
 * production, sync requests and change events on real Kafka — checked against the simulator's
 * ground truth.
 */
@QuarkusTest
class UsersSyncIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Inject InstallationDirectory directory;

  private final KafkaTestClient kafka = KafkaTestClient.shared();

  @Test
  void fullThenIncrementalSyncOfUsersMatchesTheDirectory() {
    InstallFlow installs =
        new InstallFlow(ConfigProvider.getConfig().getValue("o365.auth-service.url", String.class));
    String tenant = installs.demoTenantId();
    String installation =
        installs.install(
            new JsonObject()
                .put("accountId", "sync-tests")
                .put("type", "APPLICATION")
                .put("tenantId", tenant));
    await()
        .atMost(WAIT)
        .until(() -> directory.find(installation).await().indefinitely().isPresent());

    String full = sync(installation, "FULL");
    assertThat(state(full)).isEqualTo("SUCCEEDED");
    assertThat(liveUsers(installation)).isEqualTo(truth(tenant));
    ConsumerRecord<String, String> sample = changes(installation).get(0);
    assertThat(header(sample, "ce_type")).isEqualTo("dev.o365connector.users.upserted");
    assertThat(header(sample, "ce_source")).isEqualTo("/installations/" + installation);
    assertThat(header(sample, "ce_specversion")).isEqualTo("1.0");
    assertThat(new JsonObject(sample.value()).getString("syncRequestId")).isEqualTo(full);

    JsonObject changed =
        new JsonObject(
            given()
                .contentType("application/json")
                .body("{\"users\":{\"create\":2,\"update\":1,\"delete\":1}}")
                .post(simulator() + "/_sim/tenants/" + tenant + "/mutations")
                .asString());
    String incremental = sync(installation, "INCREMENTAL");
    assertThat(state(incremental)).isEqualTo("SUCCEEDED");
    assertThat(liveUsers(installation)).isEqualTo(truth(tenant));
    List<ConsumerRecord<String, String>> delta =
        changes(installation).stream()
            .filter(
                r ->
                    r.value() == null
                        || new JsonObject(r.value()).getString("syncRequestId").equals(incremental))
            .toList();
    String deleted = changed.getJsonObject("users").getJsonArray("deleted").getString(0);
    // A DELETE is followed by a tombstone for the same key.
    int deleteAt = -1;
    for (int i = 0; i < delta.size(); i++) {
      if (delta.get(i).value() != null
          && "DELETE".equals(new JsonObject(delta.get(i).value()).getString("op"))) {
        deleteAt = i;
        assertThat(delta.get(i).key()).isEqualTo(installation + "|" + deleted);
      }
    }
    assertThat(deleteAt).isNotNegative();
    assertThat(delta.stream().filter(r -> r.value() == null).map(ConsumerRecord::key))
        .contains(installation + "|" + deleted);
  }

  @Test
  void anExpiredDeltaTokenResyncsBetweenMarkersAndStillMatchesTheDirectory() {
    InstallFlow installs =
        new InstallFlow(ConfigProvider.getConfig().getValue("o365.auth-service.url", String.class));
    String tenant = installs.demoTenantId();
    String installation =
        installs.install(
            new JsonObject()
                .put("accountId", "resync")
                .put("type", "APPLICATION")
                .put("tenantId", tenant));
    await()
        .atMost(WAIT)
        .until(() -> directory.find(installation).await().indefinitely().isPresent());
    assertThat(state(sync(installation, "FULL"))).isEqualTo("SUCCEEDED");

    given()
        .post(simulator() + "/_sim/tenants/" + tenant + "/delta-tokens/expire")
        .then()
        .statusCode(200);
    String resync = sync(installation, "INCREMENTAL");
    assertThat(state(resync)).isEqualTo("SUCCEEDED");

    List<String> types =
        kafka
            .readAll(
                Topics.CHANGES_USERS,
                r ->
                    r.key().startsWith(installation)
                        && r.value() != null
                        && new JsonObject(r.value()).getString("syncRequestId").equals(resync))
            .stream()
            .map(r -> header(r, "ce_type"))
            .toList();
    // Markers are keyed by installation, changes by object: different partitions, so no order.
    assertThat(types)
        .contains(
            "dev.o365connector.users.resync.started",
            "dev.o365connector.users.upserted",
            "dev.o365connector.users.resync.completed");
    assertThat(liveUsers(installation)).isEqualTo(truth(tenant));
  }

  private String sync(String installation, String mode) {
    String requestId = UUID.randomUUID().toString();
    kafka.send(
        Topics.SYNC_REQUESTS,
        installation,
        new JsonObject()
            .put("requestId", requestId)
            .put("installationId", installation)
            .put("resources", new JsonArray().add("users"))
            .put("mode", mode)
            .encode());
    return requestId;
  }

  private String state(String requestId) {
    return kafka
        .awaitRecord(
            Topics.SYNC_STATUS,
            r -> {
              JsonObject status = new JsonObject(r.value());
              return status.getString("requestId").equals(requestId)
                  && List.of("SUCCEEDED", "FAILED").contains(status.getString("state"));
            },
            WAIT)
        .map(r -> new JsonObject(r.value()).getString("state") + errorOf(r.value()))
        .orElse("no final status");
  }

  private static String errorOf(String status) {
    JsonObject error = new JsonObject(status).getJsonObject("error");
    return error == null ? "" : " " + error.encode();
  }

  private List<ConsumerRecord<String, String>> changes(String installation) {
    return kafka.readAll(Topics.CHANGES_USERS, r -> r.key().startsWith(installation + "|"));
  }

  /** Upserted minus deleted, replayed in order per key (all of one key share a partition). */
  private Set<String> liveUsers(String installation) {
    Set<String> live = new HashSet<>();
    for (ConsumerRecord<String, String> record : changes(installation)) {
      if (record.value() == null) {
        continue;
      }
      JsonObject event = new JsonObject(record.value());
      if ("UPSERT".equals(event.getString("op"))) {
        live.add(event.getString("objectId"));
      } else if ("DELETE".equals(event.getString("op"))) {
        live.remove(event.getString("objectId"));
      }
    }
    return live;
  }

  private static Set<String> truth(String tenant) {
    JsonArray truth =
        new JsonArray(
            given()
                .get(simulator() + "/_sim/tenants/" + tenant + "/truth?resource=users")
                .asString());
    return truth.stream().map(o -> ((JsonObject) o).getString("id")).collect(Collectors.toSet());
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String simulator() {
    return ConfigProvider.getConfig().getValue("o365.simulator.base-url", String.class);
  }
}
