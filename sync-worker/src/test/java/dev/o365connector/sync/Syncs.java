package dev.o365connector.sync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Topics;
import dev.o365connector.devstack.kafka.KafkaTestClient;
import dev.o365connector.devstack.services.InstallFlow;
import dev.o365connector.sync.installation.InstallationDirectory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the sync tests do as the platform would: install through auth-service, send sync requests,
 * read status and change events from Kafka, and compare with the simulator's ground truth.
 */
public final class Syncs {

  public static final Duration WAIT = Duration.ofSeconds(90);

  private final KafkaTestClient kafka = KafkaTestClient.shared();
  private final InstallFlow installs =
      new InstallFlow(ConfigProvider.getConfig().getValue("o365.auth-service.url", String.class));

  public String tenant() {
    return installs.demoTenantId();
  }

  /** A platform token of {@code clientId} ({@code platform-dev} holds every internal role). */
  public String platformToken(String clientId) {
    return installs.platformToken(clientId);
  }

  /** An APPLICATION installation of the demo tenant, once the worker has heard of it. */
  public String applicationInstall(InstallationDirectory directory) {
    String installation =
        installs.install(
            new JsonObject()
                .put("accountId", "sync-tests")
                .put("type", "APPLICATION")
                .put("tenantId", tenant()));
    await()
        .atMost(WAIT)
        .until(() -> directory.find(installation).await().indefinitely().isPresent());
    return installation;
  }

  /** Uninstalls through auth-service, as the platform would. */
  public void uninstall(String installation) {
    installs.uninstall(installation);
  }

  /** The final status of the first run whose request id starts with {@code prefix}. */
  public JsonObject finalStatusOfRunStartingWith(String prefix) {
    return finalStatus(id -> id.startsWith(prefix), prefix + "…");
  }

  /** Sends a sync request; its id. */
  public String sync(String installation, String mode, Resource... resources) {
    String requestId = UUID.randomUUID().toString();
    JsonArray wanted = new JsonArray();
    for (Resource resource : resources) {
      wanted.add(resource.value());
    }
    kafka.send(
        Topics.SYNC_REQUESTS,
        installation,
        new JsonObject()
            .put("requestId", requestId)
            .put("installationId", installation)
            .put("resources", wanted)
            .put("mode", mode)
            .encode());
    return requestId;
  }

  /** The run's final status event: its state, and its error if any. */
  public JsonObject finalStatus(String requestId) {
    return finalStatus(requestId::equals, requestId);
  }

  private JsonObject finalStatus(Predicate<String> requestId, String what) {
    return kafka
        .awaitRecord(
            Topics.SYNC_STATUS,
            r -> {
              JsonObject status = new JsonObject(r.value());
              return requestId.test(status.getString("requestId"))
                  && List.of("SUCCEEDED", "FAILED").contains(status.getString("state"));
            },
            WAIT)
        .map(r -> new JsonObject(r.value()))
        .orElseThrow(() -> new AssertionError("no final status for " + what));
  }

  /** Every record of the installation on the resource's change topic, tombstones included. */
  public List<ConsumerRecord<String, String>> changes(Resource resource, String installation) {
    return kafka.readAll(
        Topics.changes(resource),
        r -> r.key().equals(installation) || r.key().startsWith(installation + "|"));
  }

  /**
   * Upserted minus deleted object ids, replayed in order per key (a key stays on one partition).
   */
  public Set<String> live(Resource resource, String installation) {
    Set<String> live = new HashSet<>();
    for (ConsumerRecord<String, String> record : changes(resource, installation)) {
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

  /** The ids of what a complete sync of {@code resource} must end with. */
  public Set<String> truth(Resource resource) {
    JsonArray truth =
        new JsonArray(
            given()
                .get(
                    simulator()
                        + "/_sim/tenants/"
                        + tenant()
                        + "/truth?resource="
                        + resource.value())
                .asString());
    return truth.stream().map(o -> ((JsonObject) o).getString("id")).collect(Collectors.toSet());
  }

  /** Applies {@code mutation} (the simulator's mutations API) to the demo tenant; what changed. */
  public JsonObject mutate(String mutation) {
    return new JsonObject(
        given()
            .contentType("application/json")
            .body(mutation)
            .post(simulator() + "/_sim/tenants/" + tenant() + "/mutations")
            .asString());
  }

  public void expireDeltaTokens() {
    given()
        .post(simulator() + "/_sim/tenants/" + tenant() + "/delta-tokens/expire")
        .then()
        .statusCode(200);
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String simulator() {
    return ConfigProvider.getConfig().getValue("o365.simulator.base-url", String.class);
  }
}
