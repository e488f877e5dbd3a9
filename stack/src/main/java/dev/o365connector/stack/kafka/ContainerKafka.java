package dev.o365connector.stack.kafka;

import dev.o365connector.recipe.Images;
import dev.o365connector.stack.infrastructure.Infrastructure;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka in a Testcontainers KRaft container ({@code DEVSTACK_INFRASTRUCTURE=containers}): the
 * upstream {@code apache/kafka} image, or {@code O365_KAFKA_IMAGE} (a local image that starts the
 * same way). Stopped when the JVM exits, so it also goes where Ryuk cannot run.
 */
final class ContainerKafka {

  private ContainerKafka() {}

  static KafkaEndpoint start() {
    Infrastructure.requireContainerEngine();
    String image = Images.kafka();
    KafkaContainer container =
        new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"));
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "devstack-kafka-stop"));
    return new KafkaEndpoint(container.getBootstrapServers(), "testcontainers (" + image + ")");
  }
}
