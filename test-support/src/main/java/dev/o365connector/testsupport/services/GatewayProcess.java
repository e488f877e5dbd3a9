package dev.o365connector.testsupport.services;

import dev.o365connector.recipe.Service;
import dev.o365connector.recipe.ServiceRecipe;
import dev.o365connector.recipe.Topology;
import dev.o365connector.stack.kafka.KafkaServers;
import dev.o365connector.stack.services.ServiceProcess;
import dev.o365connector.testsupport.simulator.SimulatorTestResource;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged graph-gateway as a process of its own, in front of the shared graph-simulator and
 * talking to the shared auth-service process ({@link AuthServiceProcess}), started from the recipe
 * ({@link ServiceRecipe}). One per JVM, started on first use.
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
   * simulator: production's variables, nothing else; no port ({@link ServiceProcess} gives each
   * process a free one).
   */
  public static Map<String, String> environment() {
    Map<String, String> simulator = new SimulatorTestResource().start();
    URI base = URI.create(simulator.get("o365.simulator.base-url"));
    URI auth = URI.create(AuthServiceProcess.shared().url());
    Topology topology =
        Topology.of(KafkaServers.shared().bootstrapServers())
            .withAddress(Service.GRAPH_SIMULATOR, base.getHost(), base.getPort())
            .withAddress(Service.AUTH_SERVICE, auth.getHost(), auth.getPort())
            .withPlatform(
                simulator.get("o365.simulator.platform.issuer"),
                AuthServiceProcess.platformSecrets(simulator));
    return ServiceRecipe.environment(Service.GRAPH_GATEWAY, topology);
  }
}
