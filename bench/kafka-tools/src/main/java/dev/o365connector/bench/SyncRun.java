package dev.o365connector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One sync request end to end, as the platform sees it: notes where {@code o365.sync.status} and
 * {@code o365.changes.<resource>} end, sends a SyncRequest to {@code o365.sync.requests}, reads the
 * status topic until the request's final state (RUNNING progress goes to stderr), then reads every
 * change event published since and measures them.
 *
 * <pre>
 * SyncRun BOOTSTRAP INSTALLATION RESOURCE FULL|INCREMENTAL REQUEST_ID [TIMEOUT_SECONDS=900]
 * </pre>
 *
 * <p>Prints one JSON object: {@code requestId}, {@code state}, {@code seconds} (from just before
 * the request was sent to the final status arriving), {@code firstSeen} (seconds after sending when
 * each state was first seen), {@code status} (the final SyncStatus as published), {@code changes}
 * ({@code topic}, {@code records}, {@code tombstones}, {@code runRecords}: those whose {@code
 * syncRequestId} is this request, and the bytes of their keys, values and headers). Exits 1 unless
 * the state is SUCCEEDED. With {@code SYNC_RUN_HOOK} set, runs it (see {@link #hook}) at the start
 * and at the end of the timed window.
 */
public final class SyncRun {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "REJECTED");

  private SyncRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println(
          "usage: SyncRun BOOTSTRAP INSTALLATION RESOURCE FULL|INCREMENTAL REQUEST_ID"
              + " [TIMEOUT_SECONDS]");
      System.exit(2);
    }
    String bootstrap = args[0];
    String installation = args[1];
    String resource = args[2];
    String mode = args[3];
    String requestId = args[4];
    Duration timeout = Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 900);
    String changeTopic = "o365.changes." + resource;

    try (KafkaConsumer<byte[], byte[]> status = consumer(bootstrap);
        KafkaConsumer<byte[], byte[]> changes = consumer(bootstrap);
        KafkaProducer<String, String> producer = producer(bootstrap)) {
      Tail statusTail = new Tail(status, "o365.sync.status");
      Tail changeTail = new Tail(changes, changeTopic);

      ObjectNode request = JSON.createObjectNode();
      request.put("requestId", requestId);
      request.put("installationId", installation);
      request.putArray("resources").add(resource);
      request.put("mode", mode);
      hook("start");
      long sent = System.nanoTime();
      producer
          .send(new ProducerRecord<>("o365.sync.requests", installation, request.toString()))
          .get();

      JsonNode last = null;
      Map<String, Double> seen = new HashMap<>();
      long deadline = sent + timeout.toNanos();
      while (last == null || !FINAL.contains(last.path("state").asText())) {
        if (System.nanoTime() > deadline) {
          System.err.println("no final status for " + requestId + " within " + timeout);
          System.exit(1);
        }
        for (ConsumerRecord<byte[], byte[]> record : statusTail.poll()) {
          if (record.value() == null) {
            continue;
          }
          JsonNode node = JSON.readTree(record.value());
          if (requestId.equals(node.path("requestId").asText())) {
            last = node;
            seen.putIfAbsent(node.path("state").asText(), (System.nanoTime() - sent) / 1e9);
            System.err.printf(
                "%6.1f s %s %s%n",
                (System.nanoTime() - sent) / 1e9, node.path("state").asText(), node.path("counts"));
            if (FINAL.contains(node.path("state").asText())) {
              break;
            }
          }
        }
      }
      double seconds = (System.nanoTime() - sent) / 1e9;
      hook("final");

      ObjectNode measured = changeTail.measure(requestId);
      measured.put("topic", changeTopic);
      ObjectNode out = JSON.createObjectNode();
      out.put("requestId", requestId);
      out.put("state", last.path("state").asText());
      out.put("seconds", seconds);
      ObjectNode firstSeen = out.putObject("firstSeen");
      seen.forEach(firstSeen::put);
      out.set("status", last);
      out.set("changes", measured);
      System.out.println(out);
      System.exit("SUCCEEDED".equals(last.path("state").asText()) ? 0 : 1);
    }
  }

  /**
   * A topic read from where it ended when this was made; partitions that appear later (the topic
   * did not exist yet) are read from their beginning.
   */
  private static final class Tail {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Map<TopicPartition, Long> start = new HashMap<>();

    Tail(KafkaConsumer<byte[], byte[]> consumer, String topic) {
      this.consumer = consumer;
      this.topic = topic;
      List<TopicPartition> partitions = partitions();
      start.putAll(consumer.endOffsets(partitions));
      assign(partitions);
    }

    private List<TopicPartition> partitions() {
      List<TopicPartition> partitions = new ArrayList<>();
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos != null) {
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
      return partitions;
    }

    private void assign(List<TopicPartition> partitions) {
      consumer.assign(partitions);
      for (TopicPartition partition : partitions) {
        consumer.seek(partition, start.getOrDefault(partition, 0L));
      }
    }

    /** The next records; looks for partitions it does not know yet when there are none. */
    Iterable<ConsumerRecord<byte[], byte[]>> poll() throws InterruptedException {
      if (consumer.assignment().isEmpty()) {
        Thread.sleep(200);
      }
      Iterable<ConsumerRecord<byte[], byte[]>> records =
          consumer.assignment().isEmpty() ? List.of() : consumer.poll(Duration.ofMillis(200));
      if (!records.iterator().hasNext()) {
        List<TopicPartition> now = partitions();
        if (!consumer.assignment().containsAll(now)) {
          Map<TopicPartition, Long> positions = new HashMap<>();
          consumer.assignment().forEach(p -> positions.put(p, consumer.position(p)));
          consumer.assign(now);
          for (TopicPartition partition : now) {
            consumer.seek(partition, positions.getOrDefault(partition, 0L));
          }
        }
      }
      return records;
    }

    /** Reads everything from the start offsets to the current end offsets, and measures it. */
    ObjectNode measure(String requestId) throws Exception {
      List<TopicPartition> partitions = partitions();
      assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long records = 0;
      long tombstones = 0;
      long runRecords = 0;
      long keyBytes = 0;
      long valueBytes = 0;
      long headerBytes = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
            continue;
          }
          records++;
          if (record.value() == null) {
            tombstones++;
            continue;
          }
          if (!requestId.equals(JSON.readTree(record.value()).path("syncRequestId").asText())) {
            continue;
          }
          runRecords++;
          keyBytes += record.key() == null ? 0 : record.key().length;
          valueBytes += record.value().length;
          for (Header header : record.headers()) {
            headerBytes += header.key().getBytes(StandardCharsets.UTF_8).length;
            headerBytes += header.value() == null ? 0 : header.value().length;
          }
        }
      }
      ObjectNode out = JSON.createObjectNode();
      out.put("records", records);
      out.put("tombstones", tombstones);
      out.put("runRecords", runRecords);
      out.put("keyBytes", keyBytes);
      out.put("valueBytes", valueBytes);
      out.put("headerBytes", headerBytes);
      return out;
    }
  }

  /**
   * Runs {@code $SYNC_RUN_HOOK PHASE} with sh, if set, and waits for it: just before the request is
   * sent ({@code start}) and as soon as its final status arrived ({@code final}), so a caller can
   * take measurements of exactly that window.
   */
  private static void hook(String phase) throws Exception {
    String hook = System.getenv("SYNC_RUN_HOOK");
    if (hook != null && !hook.isBlank()) {
      new ProcessBuilder("sh", "-c", hook + " " + phase).inheritIO().start().waitFor();
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }
}
