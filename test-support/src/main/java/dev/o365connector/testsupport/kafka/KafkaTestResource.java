package dev.o365connector.testsupport.kafka;

import dev.o365connector.stack.kafka.KafkaServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus test at the JVM's shared Kafka broker ({@link KafkaServers}). Use with
 * {@code @WithTestResource(KafkaTestResource.class)}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", KafkaServers.shared().bootstrapServers());
  }

  @Override
  public void stop() {
    // The broker outlives each test class; the JVM's shutdown hook stops it.
  }
}
