package dev.o365connector.stack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the platform's services do with the connector's topics, as tools and tests need it: send a
 * record and wait for the broker's acknowledgement, wait for a matching record, read a topic to its
 * end. Its producer's thread is a daemon, so nothing needs closing.
 */
public class TopicClient {

  private final String bootstrapServers;
  private final KafkaProducer<String, String> producer;

  /** A client of the broker at {@code bootstrapServers} (a running stack's, say). */
  public TopicClient(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  public void send(String topic, String key, String value, Header... headers) {
    try {
      producer.send(new ProducerRecord<>(topic, null, key, value, List.of(headers))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka did not accept the record for " + topic, e);
    }
  }

  /**
   * The first record of {@code topic}, read from its beginning, that matches; empty if none arrives
   * within {@code timeout}.
   */
  public Optional<ConsumerRecord<String, String>> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (match.test(record)) {
            return Optional.of(record);
          }
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Every record of {@code topic} that matches, from its beginning to its current end, in offset
   * order per partition (partitions one after the other). For checking what a run published once it
   * reported being done.
   */
  public List<ConsumerRecord<String, String>> readAll(
      String topic, Predicate<ConsumerRecord<String, String>> match) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    scan(
        topic,
        record -> {
          if (match.test(record)) {
            records.add(record);
          }
        });
    return records;
  }

  /** How many records of {@code topic}, from its beginning to its current end, match. */
  public long count(String topic, Predicate<ConsumerRecord<String, String>> match) {
    long[] count = {0};
    scan(
        topic,
        record -> {
          if (match.test(record)) {
            count[0]++;
          }
        });
    return count[0];
  }

  private void scan(String topic, Consumer<ConsumerRecord<String, String>> each) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<org.apache.kafka.common.TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          each.accept(record);
        }
      }
    }
  }
}
