package dev.o365connector.stack.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node Apache Kafka KRaft broker (combined broker + controller) in this JVM. */
final class EmbeddedKafka {

  /**
   * The broker logs every state change at INFO, burying the test output. Held here because a logger
   * that nobody references may be collected and lose its level.
   */
  private static final List<Logger> QUIET_LOGGERS =
      List.of(Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"));

  private EmbeddedKafka() {}

  static KafkaEndpoint start() {
    QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    try {
      Path dataDir = Files.createTempDirectory("devstack-kafka-");
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .setBaseDirectory(dataDir)
                      .build())
              .setDeleteOnClose(true)
              // Single broker: internal topics cannot have more than one replica.
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
              .setConfigProp("share.coordinator.state.topic.min.isr", "1")
              .setConfigProp("auto.create.topics.enable", "true")
              .setConfigProp("num.partitions", "3")
              // Tests join consumer groups often; waiting 3 s for more members only slows them.
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> closeQuietly(cluster), "devstack-kafka-stop"));
      return new KafkaEndpoint(cluster.bootstrapServers(), "embedded KRaft broker (Apache Kafka)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the embedded Kafka broker", e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the embedded Kafka broker", e);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    try {
      cluster.close();
    } catch (Exception e) {
      // The JVM is exiting; a broker that fails to close leaves only a temp directory behind.
    }
  }
}
