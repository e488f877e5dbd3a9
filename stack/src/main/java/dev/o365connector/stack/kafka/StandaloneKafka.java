package dev.o365connector.stack.kafka;

import dev.o365connector.stack.infrastructure.DataDirectories;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * The stack's Kafka: Apache Kafka's own broker main ({@code kafka.Kafka}, a single KRaft node that
 * is broker and controller) in a process of its own, keeping its log under a data directory, so it
 * can be stopped and started again on the same port with its topics and offsets. A log directory is
 * formatted on first start; one left unformatted by an interrupted start is moved aside.
 *
 * <pre>java -cp ... StandaloneKafka DATA_DIR PORT CONTROLLER_PORT</pre>
 */
public final class StandaloneKafka {

  private StandaloneKafka() {}

  public static void main(String[] args) throws IOException {
    Path data = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
    int port = Integer.parseInt(args[1]);
    int controllerPort = Integer.parseInt(args[2]);
    Path log = data.resolve("log");
    if (!Files.exists(log.resolve("meta.properties"))) {
      DataDirectories.setAside(log)
          .ifPresent(
              aside ->
                  System.out.println(
                      "The Kafka log directory "
                          + log
                          + " was never formatted (an interrupted first start?): moved it to "
                          + aside));
      format(log, port, controllerPort);
    }
    Path config = data.resolve("server.properties");
    Files.write(config, properties(log, port, controllerPort));
    kafka.Kafka.main(new String[] {config.toString()});
  }

  /**
   * Formats a new log directory beside {@code log} and moves it into place, so that a format cut
   * short leaves nothing that looks formatted.
   */
  private static void format(Path log, int port, int controllerPort) throws IOException {
    Path fresh = log.resolveSibling("log.formatting");
    deleteRecursively(fresh); // what a format cut short left
    Path config = log.resolveSibling("format.properties");
    Files.write(config, properties(fresh, port, controllerPort));
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
      throw new IllegalStateException("could not format the Kafka log directory " + fresh);
    }
    Files.delete(config);
    Files.deleteIfExists(log); // an empty one; one with content was set aside
    Files.move(fresh, log, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  static List<String> properties(Path log, int port, int controllerPort) {
    return List.of(
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + port,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "inter.broker.listener.name=PLAINTEXT",
        "log.dirs=" + log,
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
