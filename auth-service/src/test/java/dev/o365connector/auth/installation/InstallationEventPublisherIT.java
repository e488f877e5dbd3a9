package dev.o365connector.auth.installation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o365connector.contracts.ContractJson;
import dev.o365connector.contracts.Topics;
import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.devstack.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstallationEventPublisherIT {

  private static final ObjectMapper JSON = ContractJson.mapper();

  @Inject InstallationEventPublisher publisher;

  @Test
  void publishedEventIsConsumedFromTheInstallationsTopic() throws Exception {
    String id = UUID.randomUUID().toString();
    InstallationEvent event =
        new InstallationEvent(
            id,
            "account-7",
            "tenant-7",
            InstallationType.DELEGATED,
            InstallationStatus.ACTIVE,
            List.of("Mail.Read"),
            null,
            Instant.parse("2026-11-26T10:15:30Z"));

    publisher.publish(event).await().atMost(Duration.ofSeconds(30));

    ConsumerRecord<String, String> record =
        KafkaTestClient.shared()
            .awaitRecord(Topics.INSTALLATIONS, r -> id.equals(r.key()), Duration.ofSeconds(30))
            .orElseThrow();
    assertThat(JSON.readValue(record.value(), InstallationEvent.class)).isEqualTo(event);
  }
}
