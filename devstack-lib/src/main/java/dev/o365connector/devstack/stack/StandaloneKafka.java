package dev.o365connector.devstack.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * The stack's Kafka: Apache Kafka's own broker main ({@code kafka.Kafka}, a single KRaft node that
 * is broker and controller) in a process of its own, keeping its log under a data directory, so it
 * can be stopped and started again on the same port with its topics and offsets.
 *
 * <pre>java -cp ... StandaloneKafka DATA_DIR PORT CONTROLLER_PORT</pre>
 */
public final class StandaloneKafka {

  private StandaloneKafka() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    int controllerPort = Integer.parseInt(args[2]);
    Path config = Files.createDirectories(data).resolve("server.properties");
    Files.write(config, properties(data, port, controllerPort));
    if (!Files.exists(data.resolve("log").resolve("meta.properties"))) {
      int formatted =
          kafka.tools.StorageTool.execute(
              new String[] {
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                config.toString(),
                "--standalone"
              },
              new PrintStream(System.out, true));
      if (formatted != 0) {
        throw new IllegalStateException("could not format the Kafka log directory " + data);
      }
    }
    kafka.Kafka.main(new String[] {config.toString()});
  }

  static List<String> properties(Path data, int port, int controllerPort) {
    return List.of(
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + port,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name=PLAINTEXT",
        "log.dirs=" + data.resolve("log"),
        "num.partitions=3",
        // One node: internal topics cannot have more than one replica.
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0");
  }
}
