package dev.o365connector.testcontainers;

import static dev.o365connector.testcontainers.ConnectorService.AUTH_SERVICE;

import dev.o365connector.recipe.AppRegistration;
import dev.o365connector.recipe.Database;
import dev.o365connector.recipe.Service;
import dev.o365connector.recipe.ServiceRecipe;
import dev.o365connector.recipe.Topology;
import java.util.List;
import java.util.Map;

/**
 * The environment each service container starts with: the project's recipe ({@link ServiceRecipe})
 * for the stack's network, every container at its alias and port, plus the simulator as Microsoft
 * and as the platform's OIDC provider.
 */
final class ServiceEnvironment {

  /** auth-service's OAuth callback as the stack's app registration names it. */
  static final String CALLBACK_URL = AUTH_SERVICE.internalUrl() + ServiceRecipe.CALLBACK_PATH;

  /** Platform clients of the services, as in their {@code O365_PLATFORM_CLIENT_ID} defaults. */
  static final String GATEWAY_CLIENT = Service.GRAPH_GATEWAY.platformClient().orElseThrow();

  static final String SYNC_WORKER_CLIENT = Service.SYNC_WORKER.platformClient().orElseThrow();

  /** The developer's client, holding every internal role. */
  static final String DEV_CLIENT = "platform-dev";

  private ServiceEnvironment() {}

  /** The simulator's arguments: its port, and the alias its issuer and links must carry. */
  static List<String> simulatorArguments() {
    return ServiceRecipe.arguments(Service.GRAPH_SIMULATOR, network());
  }

  static Map<String, String> authService(
      SimulatorSetup simulator, DatabaseLogin database, String tokenKeyset) {
    return ServiceRecipe.environment(
        Service.AUTH_SERVICE,
        topology(simulator)
            .withDatabase(Service.AUTH_SERVICE, database(database))
            .withTokenKeyset(tokenKeyset));
  }

  static Map<String, String> graphGateway(SimulatorSetup simulator) {
    return ServiceRecipe.environment(Service.GRAPH_GATEWAY, topology(simulator));
  }

  static Map<String, String> syncWorker(SimulatorSetup simulator, DatabaseLogin database) {
    return ServiceRecipe.environment(
        Service.SYNC_WORKER,
        topology(simulator).withDatabase(Service.SYNC_WORKER, database(database)));
  }

  /** Kafka's network listener and every container at its alias and port. */
  private static Topology network() {
    Topology topology = Topology.of(StackNetwork.KAFKA_BOOTSTRAP);
    for (ConnectorService service : ConnectorService.values()) {
      topology = topology.withAddress(service.service(), service.alias(), service.port());
    }
    return topology;
  }

  /** The network, the simulator's platform tenant and the app registration made for the stack. */
  private static Topology topology(SimulatorSetup simulator) {
    return network()
        .withPlatform(simulator.platformIssuer(), simulator.platformClientSecrets())
        .withApp(
            new AppRegistration(
                simulator.app().clientId(), simulator.app().clientSecret(), CALLBACK_URL),
            true);
  }

  private static Database database(DatabaseLogin login) {
    return new Database(
        StackNetwork.POSTGRES_ALIAS,
        StackNetwork.POSTGRES_PORT,
        login.database(),
        login.user(),
        login.password());
  }
}
