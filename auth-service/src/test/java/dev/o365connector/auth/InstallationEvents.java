package dev.o365connector.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.contracts.Topics;
import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An installation's events where a test looks for them: still in the outbox, or on Kafka. */
public final class InstallationEvents {

  private static final ObjectMapper JSON = ContractJson.mapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private InstallationEvents() {}

  /** The installation's events waiting in the outbox, oldest first. */
  public static List<InstallationEvent> waiting(String installationId) {
    List<String> payloads =
        TestSql.select(
            "select payload from installation_outbox where installation_id = :id order by id",
            Map.of("id", UUID.fromString(installationId)));
    return payloads.stream().map(InstallationEvents::parse).toList();
  }

  /**
   * The installation's events on {@code o365.installations}, in order, up to and including the
   * first with status {@code last}; fails when none arrives within 30 s.
   */
  public static List<InstallationEvent> publishedUntil(
      String installationId, InstallationStatus last) {
    List<InstallationEvent> seen = new ArrayList<>();
    KafkaTestClient.shared()
        .awaitRecord(
            Topics.INSTALLATIONS,
            record -> {
              if (!installationId.equals(record.key())) {
                return false;
              }
              seen.add(parse(record.value()));
              return seen.get(seen.size() - 1).status() == last;
            },
            WAIT)
        .orElseThrow(
            () -> new AssertionError("No " + last + " event of " + installationId + " on Kafka"));
    return seen;
  }

  /** Every event of the installation on {@code o365.installations} so far, in order. */
  public static List<InstallationEvent> published(String installationId) {
    return KafkaTestClient.shared()
        .readAll(Topics.INSTALLATIONS, record -> installationId.equals(record.key()))
        .stream()
        .map(record -> parse(record.value()))
        .toList();
  }

  public static String json(InstallationEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static InstallationEvent parse(String json) {
    try {
      return JSON.readValue(json, InstallationEvent.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError("Not an InstallationEvent: " + json, e);
    }
  }
}
