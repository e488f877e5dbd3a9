package dev.o365connector.stack.events;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.Topics;
import dev.o365connector.stack.kafka.TopicClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the platform's services do with the connector over Kafka: send sync requests, follow their
 * status events, read the change events of an installation.
 */
public final class PlatformTraffic {

  private static final List<String> FINAL_STATES = List.of("SUCCEEDED", "FAILED", "REJECTED");

  private final TopicClient kafka;

  public PlatformTraffic(TopicClient kafka) {
    this.kafka = kafka;
  }

  /**
   * Sends a sync request with the fields of {@code request} (mode, calendarWindow...) for {@code
   * resources}; its request id.
   */
  public String requestSync(String installation, JsonObject request, Resource... resources) {
    String requestId = UUID.randomUUID().toString();
    JsonArray wanted = new JsonArray();
    for (Resource resource : resources) {
      wanted.add(resource.value());
    }
    kafka.send(
        Topics.SYNC_REQUESTS,
        installation,
        request
            .copy()
            .put("requestId", requestId)
            .put("installationId", installation)
            .put("resources", wanted)
            .encode());
    return requestId;
  }

  /**
   * The final status event (SUCCEEDED, FAILED, or REJECTED for a refused request) of the first run
   * whose request id {@code requestId} accepts; {@code each} sees every status event of such runs
   * on the way.
   */
  public Optional<JsonObject> finalStatus(
      Predicate<String> requestId, Duration timeout, Consumer<JsonObject> each) {
    return status(requestId, s -> FINAL_STATES.contains(s.getString("state")), timeout, each);
  }

  /** The first status event of a run {@code requestId} accepts that is {@code wanted}. */
  public Optional<JsonObject> status(
      Predicate<String> requestId,
      Predicate<JsonObject> wanted,
      Duration timeout,
      Consumer<JsonObject> each) {
    return kafka
        .awaitRecord(
            Topics.SYNC_STATUS,
            r -> {
              JsonObject status = new JsonObject(r.value());
              if (!requestId.test(status.getString("requestId"))) {
                return false;
              }
              each.accept(status);
              return wanted.test(status);
            },
            timeout)
        .map(r -> new JsonObject(r.value()));
  }

  /** Every status event so far of the runs whose request id {@code requestId} accepts. */
  public List<JsonObject> statuses(Predicate<String> requestId) {
    return kafka.readAll(Topics.SYNC_STATUS, r -> r.value() != null).stream()
        .map(r -> new JsonObject(r.value()))
        .filter(status -> requestId.test(status.getString("requestId")))
        .toList();
  }

  /** Every record of the installation on the resource's change topic, tombstones included. */
  public List<ConsumerRecord<String, String>> changes(Resource resource, String installation) {
    return kafka.readAll(
        Topics.changes(resource),
        r -> r.key().equals(installation) || r.key().startsWith(installation + "|"));
  }

  /** The change events (not markers, not tombstones) one request published. */
  public List<JsonObject> events(Resource resource, String installation, String requestId) {
    return changes(resource, installation).stream()
        .filter(r -> r.value() != null)
        .map(r -> new JsonObject(r.value()))
        .filter(e -> requestId.equals(e.getString("syncRequestId")) && e.containsKey("op"))
        .toList();
  }
}
