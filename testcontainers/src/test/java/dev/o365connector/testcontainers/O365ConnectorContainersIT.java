package dev.o365connector.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Topics;
import dev.o365connector.contracts.sync.SyncMode;
import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.contracts.sync.SyncStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The stack started for real on a container engine, used as the README shows: an APPLICATION
 * installation through the consent flow, then a sync request on Kafka answered by change events and
 * a SUCCEEDED status; afterwards nothing of it is left on the engine (Ryuk may be off). Part of the
 * container tier ({@code ./containers test}, {@code -Pcontainers}): it fails, never skips, where
 * the engine or an image is missing.
 */
@Tag("containers")
class O365ConnectorContainersIT {

  private static final ObjectMapper JSON = ContractJson.mapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void installsSyncsAndReportsThroughTheContainers() throws Exception {
    Set<String> before = containerIds();

    try (O365ConnectorContainers connector = new O365ConnectorContainers()) {
      connector.start();

      for (ConnectorService service : ConnectorService.values()) {
        assertThat(get(connector.url(service) + service.readyPath(), null).statusCode())
            .isEqualTo(200);
      }
      try (Admin admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connector.kafkaBootstrapServers()))) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(Topics.ALL);
      }

      String installationId = install(connector);
      SyncStatus status = sync(connector, installationId);
      assertThat(status.state()).as(String.valueOf(status.error())).isEqualTo(SyncState.SUCCEEDED);
      assertThat(userEvents(connector, installationId))
          .as("users of the demo tenant on o365.changes.users")
          .isPositive();
    }

    assertThat(containerIds()).as("containers left after close()").isEqualTo(before);
  }

  @Test
  void anImageTheEngineLacksIsNamedWithWhatToDoAndNothingIsLeft() {
    Set<String> before = containerIds();
    String missing = "o365-connector/sync-worker:no-such-version";

    try (O365ConnectorContainers connector =
        new O365ConnectorContainers().withImage(ConnectorService.SYNC_WORKER, missing)) {
      assertThatThrownBy(connector::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(missing + " (sync-worker)")
          .hasMessageContaining("./containers images");
    }

    assertThat(containerIds()).as("containers left after the failed start").isEqualTo(before);
  }

  /** POST /installations, the consent URL at the simulator, its redirect to the callback. */
  private String install(O365ConnectorContainers connector) throws Exception {
    String token = connector.platformToken();
    String body =
        JSON.writeValueAsString(
            Map.of(
                "accountId", "acme",
                "type", "APPLICATION",
                "tenantId", connector.demoTenantId()));
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(connector.authServiceUrl() + "/installations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode installation = JSON.readTree(created.body());
    String id = installation.path("id").asText();

    HttpResponse<String> consent =
        get(connector.hostUrl(installation.path("consentUrl").asText()), null);
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
    String callback = connector.hostUrl(consent.headers().firstValue("Location").orElseThrow());
    assertThat(get(callback, null).statusCode()).isLessThan(400);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              HttpResponse<String> view =
                  get(connector.authServiceUrl() + "/installations/" + id, token);
              assertThat(JSON.readTree(view.body()).path("status").asText()).isEqualTo("ACTIVE");
            });
    return id;
  }

  /** A users sync requested on Kafka; its final status read back from Kafka. */
  private SyncStatus sync(O365ConnectorContainers connector, String installationId)
      throws Exception {
    String requestId = UUID.randomUUID().toString();
    SyncRequest request =
        new SyncRequest(
            requestId, installationId, Set.of(Resource.USERS), SyncMode.FULL, null, null);
    String kafka = connector.kafkaBootstrapServers();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.SYNC_REQUESTS, installationId, JSON.writeValueAsBytes(request)))
          .get(30, TimeUnit.SECONDS);
    }
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka,
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + requestId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.SYNC_STATUS));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          SyncStatus status = JSON.readValue(record.value(), SyncStatus.class);
          if (status.requestId().equals(requestId)
              && (status.state() == SyncState.SUCCEEDED
                  || status.state() == SyncState.FAILED
                  || status.state() == SyncState.REJECTED)) {
            return status;
          }
        }
      }
    }
    throw new AssertionError("no final status for sync request " + requestId + " within 2 min");
  }

  /** Change events of the installation on o365.changes.users, read from the beginning. */
  private static long userEvents(O365ConnectorContainers connector, String installationId) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                connector.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-users-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.CHANGES_USERS));
      long events = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          if (record.key().startsWith(installationId + "|")) {
            events++;
          }
        }
        if (events > 0 && consumer.assignment().stream().allMatch(p -> atEnd(consumer, p))) {
          break;
        }
      }
      return events;
    }
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, TopicPartition partition) {
    return consumer.position(partition)
        >= consumer.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
  }

  /** Every container on the engine, running or not. */
  private static Set<String> containerIds() {
    return DockerClientFactory.instance()
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .exec()
        .stream()
        .map(Container::getId)
        .collect(Collectors.toSet());
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
