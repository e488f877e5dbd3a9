package dev.o365connector.sync.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Topics;
import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.devstack.kafka.KafkaTestClient;
import dev.o365connector.sync.run.SyncRun;
import dev.o365connector.sync.run.SyncRunRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyncRequestConsumerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject SyncRunRepository runs;

  private final KafkaTestClient kafka = KafkaTestClient.shared();

  @Test
  void requestOnTheTopicBecomesAnAcceptedRun() {
    String requestId = "req-" + UUID.randomUUID();

    kafka.send(
        Topics.SYNC_REQUESTS,
        "inst-1",
        """
        {"requestId":"%s","installationId":"inst-1","resources":["mail","files"],"mode":"FULL"}
        """
            .formatted(requestId));

    SyncRun run = await().atMost(WAIT).until(() -> find(requestId), Optional::isPresent).get();
    assertThat(run.installationId).isEqualTo("inst-1");
    assertThat(run.mode).isEqualTo(SyncMode.FULL);
    assertThat(run.state).isEqualTo(SyncState.ACCEPTED);
    assertThat(run.request).contains("\"mail\"", "\"files\"");
  }

  @Test
  void repeatedRequestIdKeepsTheFirstRun() {
    String requestId = "req-" + UUID.randomUUID();
    String first = "{\"requestId\":\"%s\",\"installationId\":\"inst-2\"}".formatted(requestId);
    String second =
        "{\"requestId\":\"%s\",\"installationId\":\"inst-2\",\"mode\":\"FULL\"}"
            .formatted(requestId);

    kafka.send(Topics.SYNC_REQUESTS, "inst-2", first);
    SyncRun accepted = await().atMost(WAIT).until(() -> find(requestId), Optional::isPresent).get();
    kafka.send(Topics.SYNC_REQUESTS, "inst-2", second);
    // A later request on the same partition proves the duplicate was consumed before we look.
    String marker = "req-" + UUID.randomUUID();
    kafka.send(
        Topics.SYNC_REQUESTS,
        "inst-2",
        "{\"requestId\":\"%s\",\"installationId\":\"inst-2\"}".formatted(marker));
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

    String goodId = "req-" + UUID.randomUUID();
    kafka.send(
        Topics.SYNC_REQUESTS,
        "inst-3",
        "{\"requestId\":\"%s\",\"installationId\":\"inst-3\"}".formatted(goodId));
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
