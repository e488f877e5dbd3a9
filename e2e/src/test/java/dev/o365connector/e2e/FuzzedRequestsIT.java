package dev.o365connector.e2e;

import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Topics;
import dev.o365connector.stack.process.StackPart;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * 10,000 sync requests that a careless or hostile producer could send (random bytes, wrong types,
 * huge arrays, unknown installations, duplicates of one valid request), then one valid request
 * behind them: every bad one lands on the dead-letter topic, the duplicates start one run, the
 * worker stays healthy and the valid request completes.
 */
class FuzzedRequestsIT {

  private static final int FUZZED = 10_000;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

  private final Platform platform = new Platform(WholeSystem.shared());
  private final Random random = new Random(42);

  @Test
  void badRequestsGoToTheDeadLetterTopicAndAValidOneBehindThemCompletes() throws Exception {
    String installation = platform.installApplication();
    String duplicated = UUID.randomUUID().toString();
    String duplicate =
        new JsonObject()
            .put("requestId", duplicated)
            .put("installationId", installation)
            .put("resources", new JsonArray().add("users"))
            .encode();
    String keyPrefix = "fuzz-" + UUID.randomUUID() + "-";
    int duplicates = 0;
    long started = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < FUZZED; i++) {
        byte[] value;
        if (i % 10 == 9) {
          value = duplicate.getBytes(StandardCharsets.UTF_8);
          duplicates++;
        } else {
          value = fuzzed(i, installation);
        }
        sent.add(producer.send(new ProducerRecord<>(Topics.SYNC_REQUESTS, keyPrefix + i, value)));
      }
      for (Future<?> each : sent) {
        each.get();
      }
    }
    String valid = platform.sync(installation, "FULL", USERS);
    platform.succeeded(valid);
    double drained = (System.nanoTime() - started) / 1e9;

    int rejected = FUZZED - duplicates;
    KafkaTestClient kafka = KafkaTestClient.of(platform.system().stack().kafkaBootstrapServers());
    // The valid request shares a partition with a third of the fuzz; the rest may still drain.
    long deadLetters =
        await()
            .atMost(DRAIN_TIMEOUT)
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () ->
                    kafka.count(
                        Topics.SYNC_REQUESTS_DLQ,
                        r -> r.key() != null && r.key().startsWith(keyPrefix)),
                count -> count >= rejected);
    double drainedAll = (System.nanoTime() - started) / 1e9;
    assertThat(deadLetters).isEqualTo(rejected);
    long runsOfTheDuplicate =
        platform.traffic().statuses(duplicated::equals).stream()
            .filter(status -> "ACCEPTED".equals(status.getString("state")))
            .count();
    assertThat(runsOfTheDuplicate).isEqualTo(1);
    assertThat(ready()).isEqualTo(200);
    System.out.printf(
        "[measured] %d fuzzed requests + 1 valid: %d on the dead-letter topic (lost 0),"
            + " %d copies of one request started %d run, valid request SUCCEEDED %.1f s after"
            + " the first fuzzed one was sent, everything drained after %.1f s; worker ready%n",
        FUZZED, deadLetters, duplicates, runsOfTheDuplicate, drained, drainedAll);
  }

  /** One bad request, of a kind chosen by {@code i}. */
  private byte[] fuzzed(int i, String installation) {
    return switch (i % 9) {
      case 0 -> randomBytes(1 + random.nextInt(2048));
      case 1 -> new byte[0];
      case 2 ->
          new JsonObject()
              .put("requestId", random.nextInt())
              .put("installationId", installation)
              .encode()
              .getBytes(StandardCharsets.UTF_8);
      case 3 ->
          new JsonObject()
              .put("requestId", UUID.randomUUID().toString())
              .put("installationId", installation)
              .put("resources", hugeArray(5_000))
              .encode()
              .getBytes(StandardCharsets.UTF_8);
      case 4 ->
          new JsonObject()
              .put("requestId", UUID.randomUUID().toString())
              .put("installationId", UUID.randomUUID().toString())
              .encode()
              .getBytes(StandardCharsets.UTF_8);
      case 5 ->
          new JsonObject()
              .put("requestId", UUID.randomUUID().toString())
              .put("installationId", installation)
              .put("mode", "EVERYTHING")
              .encode()
              .getBytes(StandardCharsets.UTF_8);
      case 6 ->
          ("{\"requestId\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
      case 7 -> "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".repeat(100).getBytes(StandardCharsets.UTF_8);
      default ->
          new JsonObject()
              .put("requestId", UUID.randomUUID().toString())
              .put("installationId", installation)
              .put("resources", new JsonArray().add("users"))
              .put("extra", new JsonObject().put("nested", true))
              .encode()
              .getBytes(StandardCharsets.UTF_8);
    };
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static JsonArray hugeArray(int size) {
    JsonArray array = new JsonArray();
    for (int i = 0; i < size; i++) {
      array.add("users");
    }
    return array;
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            platform.system().stack().kafkaBootstrapServers(),
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            2 * 1024 * 1024,
            ProducerConfig.LINGER_MS_CONFIG,
            5),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private int ready() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        platform.system().stack().url(StackPart.SYNC_WORKER) + "/q/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
