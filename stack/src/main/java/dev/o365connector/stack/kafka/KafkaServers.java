package dev.o365connector.stack.kafka;

import dev.o365connector.contracts.Topics;
import dev.o365connector.stack.infrastructure.Infrastructure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The one Kafka broker of this JVM: {@code KAFKA_BOOTSTRAP_SERVERS} when set, else an embedded
 * KRaft broker, or a Testcontainers KRaft container with {@code DEVSTACK_INFRASTRUCTURE=containers}
 * (see {@link Infrastructure}). Started on first use and stopped when the JVM exits, so every test
 * class of a module shares it.
 */
public final class KafkaServers {

  /**
   * Set once a broker runs. Quarkus may load this class in more than one class loader per JVM; the
   * property, unlike a static field, is seen by all of them.
   */
  static final String STARTED_PROPERTY = "devstack.kafka.bootstrap-servers";

  /** Partitions of each project topic: enough for two workers to share the work in tests. */
  private static final int TOPIC_PARTITIONS = 3;

  private KafkaServers() {}

  /** The shared broker, started if needed. */
  public static synchronized KafkaEndpoint shared() {
    String started = System.getProperty(STARTED_PROPERTY);
    if (started != null) {
      return new KafkaEndpoint(started, "shared");
    }
    KafkaEndpoint endpoint = start();
    createTopics(endpoint.bootstrapServers());
    System.setProperty(STARTED_PROPERTY, endpoint.bootstrapServers());
    Infrastructure.announce("Kafka", endpoint.origin(), endpoint.bootstrapServers());
    return endpoint;
  }

  /**
   * Creates the project's topics before any service writes to them, as a production deployment
   * does. Left to auto-creation, the first writes race the partitions' leader election, and an
   * idempotent producer retrying into a partition that accepted later batches can get stuck on
   * OUT_OF_ORDER_SEQUENCE_NUMBER.
   */
  public static void createTopics(String bootstrapServers) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          Topics.ALL.stream()
              .filter(topic -> !existing.contains(topic))
              .map(topic -> new NewTopic(topic, Optional.of(TOPIC_PARTITIONS), Optional.empty()))
              .toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not create the project's topics", e);
    }
  }

  private static KafkaEndpoint start() {
    return Infrastructure.setting("KAFKA_BOOTSTRAP_SERVERS")
        .map(servers -> new KafkaEndpoint(servers, "external (KAFKA_BOOTSTRAP_SERVERS)"))
        .orElseGet(
            () ->
                Infrastructure.kind() == Infrastructure.Kind.CONTAINERS
                    ? ContainerKafka.start()
                    : EmbeddedKafka.start());
  }
}
