package dev.o365connector.devstack.services;

import dev.o365connector.devstack.kafka.KafkaServers;
import dev.o365connector.devstack.simulator.SimulatorTestResource;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged graph-gateway as a process of its own, in front of the shared graph-simulator and
 * talking to the shared auth-service process ({@link AuthServiceProcess}). One per JVM, started on
 * first use.
 */
public final class GatewayProcess {

  /** Where the build leaves the fast-jar, relative to a sibling module's directory. */
  static final Path JAR =
      Path.of("..", "graph-gateway", "target", "quarkus-app", "quarkus-run.jar");

  private static ServiceProcess shared;

  private GatewayProcess() {}

  /** The shared gateway, started (with auth-service) if needed. */
  public static synchronized ServiceProcess shared() {
    if (shared == null) {
      shared =
          ServiceProcess.start(
              "graph-gateway",
              Path.of(System.getProperty("devstack.graph-gateway.jar", JAR.toString())),
              environment(),
              Path.of("target", "graph-gateway-process.log"));
    }
    return shared;
  }

  /**
   * What a gateway process needs against this JVM's Kafka, the shared auth-service process and
   * simulator: production's variables, nothing else.
   */
  public static Map<String, String> environment() {
    Map<String, String> simulator = new SimulatorTestResource().start();
    return Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", KafkaServers.shared().bootstrapServers(),
        "O365_AUTH_URL", AuthServiceProcess.shared().url(),
        "O365_GRAPH_BASE_URL", simulator.get("o365.simulator.graph-base-url"),
        "O365_PLATFORM_ISSUER", simulator.get("o365.simulator.platform.issuer"),
        "O365_PLATFORM_CLIENT_SECRET",
            simulator.get("o365.simulator.platform.graph-gateway.secret"));
  }
}
