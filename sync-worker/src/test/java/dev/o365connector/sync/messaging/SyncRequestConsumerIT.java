package dev.o365connector.sync.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Topics;
import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.sync.installation.known.KnownInstallations;
import dev.o365connector.sync.run.SyncRun;
import dev.o365connector.sync.run.SyncRunRepository;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyncRequestConsumerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject SyncRunRepository runs;

  @Inject KnownInstallations installations;

  private final KafkaTestClient kafka = KafkaTestClient.shared();

  /** Tells the worker about an installation the way auth-service does, and waits until it knows. */
  private String announced(String status, String... permissions) {
    String id = "inst-" + UUID.randomUUID();
    JsonArray granted = new JsonArray();
    for (String permission : permissions) {
      granted.add(permission);
    }
    kafka.send(
        Topics.INSTALLATIONS,
        id,
        new JsonObject()
            .put("installationId", id)
            .put("accountId", "acc")
            .put("tenantId", "tenant")
            .put("type", "DELEGATED")
            .put("status", status)
            .put("grantedPermissions", granted)
            .put("occurredAt", Instant.now().toString())
            .encode());
    await().atMost(WAIT).until(() -> installations.find(id).await().indefinitely().isPresent());
    return id;
  }

  private JsonObject awaitStatus(String requestId, String state) {
    return kafka
        .awaitRecord(
            Topics.SYNC_STATUS,
            r -> {
              JsonObject status = new JsonObject(r.value());
              return requestId.equals(status.getString("requestId"))
                  && state.equals(status.getString("state"));
            },
            WAIT)
        .map(r -> new JsonObject(r.value()))
        .orElseThrow(() -> new AssertionError("no " + state + " status for " + requestId));
  }

  @Test
  void requestOnTheTopicBecomesAnAcceptedRun() {
    String installation = announced("ACTIVE", "Mail.Read", "Files.Read");
    String requestId = "req-" + UUID.randomUUID();

    kafka.send(
        Topics.SYNC_REQUESTS,
        installation,
        """
        {"requestId":"%s","installationId":"%s","resources":["mail","files"],"mode":"FULL"}
        """
            .formatted(requestId, installation));

    JsonObject accepted = awaitStatus(requestId, "ACCEPTED");
    assertThat(accepted.getString("installationId")).isEqualTo(installation);
    SyncRun run = await().atMost(WAIT).until(() -> find(requestId), Optional::isPresent).get();
    assertThat(run.installationId).isEqualTo(installation);
    assertThat(run.mode).isEqualTo(SyncMode.FULL);
    assertThat(run.request).contains("\"mail\"", "\"files\"");
  }

  @Test
  void requestsThatCanNeverRunAreRejectedToTheDlqWithAStatus() {
    String active = announced("ACTIVE", "Mail.Read");
    String revoked = announced("REAUTH_REQUIRED", "Mail.Read");
    String unknown = "inst-" + UUID.randomUUID();
    Map<String, String> expected =
        Map.of(
            request(unknown, null), "unknown-installation",
            request(revoked, null), "installation-not-active",
            request(active, "[\"files\"]"), "permission-missing");
    expected.forEach((json, reason) -> kafka.send(Topics.SYNC_REQUESTS, "k", json));

    expected.forEach(
        (json, reason) -> {
          assertThat(header(awaitDeadLetter(json), "dead-letter-reason")).startsWith(reason);
          JsonObject rejected =
              awaitStatus(new JsonObject(json).getString("requestId"), "REJECTED");
          assertThat(rejected.getJsonObject("error").getString("code")).isEqualTo(reason);
        });
    String oversized = "{\"pad\":\"" + "x".repeat(300_000) + "\"}";
    kafka.send(Topics.SYNC_REQUESTS, "k", oversized);
    assertThat(header(awaitDeadLetter(oversized), "dead-letter-reason")).startsWith("oversized");
  }

  private static String request(String installation, String resources) {
    return "{\"requestId\":\"req-%s\",\"installationId\":\"%s\"%s}"
        .formatted(
            UUID.randomUUID(),
            installation,
            resources == null ? "" : ",\"resources\":" + resources);
  }

  @Test
  void repeatedRequestIdKeepsTheFirstRun() {
    String installation = announced("ACTIVE", "Mail.Read");
    String requestId = "req-" + UUID.randomUUID();
    String first =
        "{\"requestId\":\"%s\",\"installationId\":\"%s\"}".formatted(requestId, installation);
    String second =
        "{\"requestId\":\"%s\",\"installationId\":\"%s\",\"mode\":\"FULL\"}"
            .formatted(requestId, installation);

    kafka.send(Topics.SYNC_REQUESTS, "inst-2", first);
    SyncRun accepted = await().atMost(WAIT).until(() -> find(requestId), Optional::isPresent).get();
    kafka.send(Topics.SYNC_REQUESTS, "inst-2", second);
    // A later request on the same partition proves the duplicate was consumed before we look.
    String marker = "req-" + UUID.randomUUID();
    kafka.send(
        Topics.SYNC_REQUESTS,
        "inst-2",
        "{\"requestId\":\"%s\",\"installationId\":\"%s\"}".formatted(marker, installation));
    await().atMost(WAIT).until(() -> find(marker), Optional::isPresent);

    SyncRun after = find(requestId).orElseThrow();
    assertThat(after.mode).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(after.acceptedAt).isEqualTo(accepted.acceptedAt);
  }

  @Test
  void requestBreakingTheSchemaGoesToTheDlqWithItsReasonAndTheConsumerCarriesOn() {
    String badId = "bad-" + UUID.randomUUID();
    String bad = "{\"requestId\":\"%s\",\"resources\":[\"mail\"]}".formatted(badId);

    kafka.send(Topics.SYNC_REQUESTS, "inst-3", bad);

    ConsumerRecord<String, String> dead = awaitDeadLetter(bad);
    assertThat(dead.key()).isEqualTo("inst-3");
    assertThat(header(dead, "dead-letter-reason")).contains("installationId");
    assertThat(find(badId)).isEmpty();

    String installation = announced("ACTIVE", "Mail.Read");
    String goodId = "req-" + UUID.randomUUID();
    kafka.send(
        Topics.SYNC_REQUESTS,
        "inst-3",
        "{\"requestId\":\"%s\",\"installationId\":\"%s\"}".formatted(goodId, installation));
    await().atMost(WAIT).until(() -> find(goodId), Optional::isPresent);
  }

  @Test
  void payloadThatIsNotJsonGoesToTheDlq() {
    String garbage = "not json " + UUID.randomUUID();

    kafka.send(Topics.SYNC_REQUESTS, "inst-4", garbage);

    assertThat(header(awaitDeadLetter(garbage), "dead-letter-reason")).isNotBlank();
  }

  private ConsumerRecord<String, String> awaitDeadLetter(String value) {
    return kafka
        .awaitRecord(Topics.SYNC_REQUESTS_DLQ, r -> value.equals(r.value()), WAIT)
        .orElseThrow(() -> new AssertionError("no DLQ record for " + value));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private Optional<SyncRun> find(String requestId) {
    try {
      return Optional.ofNullable(
          VertxContextSupport.subscribeAndAwait(
              () -> Panache.withSession(() -> runs.findById(requestId))));
    } catch (Throwable e) {
      throw new IllegalStateException("Could not read sync run " + requestId, e);
    }
  }
}
