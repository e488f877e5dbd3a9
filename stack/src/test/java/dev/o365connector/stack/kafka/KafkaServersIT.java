package dev.o365connector.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KafkaServersIT {

  @Test
  void sharedBrokerCarriesRecordsFromProducerToConsumer() {
    String topic = "devstack-smoke-" + UUID.randomUUID();

    TopicClient kafka = new TopicClient(KafkaServers.shared().bootstrapServers());
    kafka.send(topic, "installation-1", "hello");

    assertThat(kafka.awaitRecord(topic, r -> true, Duration.ofSeconds(30)))
        .hasValueSatisfying(
            r -> {
              assertThat(r.key()).isEqualTo("installation-1");
              assertThat(r.value()).isEqualTo("hello");
            });
  }

  @Test
  void awaitingARecordThatNeverComesEndsEmpty() {
    assertThat(
            new TopicClient(KafkaServers.shared().bootstrapServers())
                .awaitRecord(
                    "devstack-empty-" + UUID.randomUUID(), r -> true, Duration.ofSeconds(2)))
        .isEmpty();
  }

  @Test
  void secondUseInTheSameJvmReusesTheRunningBroker() {
    String first = KafkaServers.shared().bootstrapServers();

    assertThat(KafkaServers.shared().bootstrapServers()).isEqualTo(first);
    assertThat(System.getProperty(KafkaServers.STARTED_PROPERTY)).isEqualTo(first);
  }
}
