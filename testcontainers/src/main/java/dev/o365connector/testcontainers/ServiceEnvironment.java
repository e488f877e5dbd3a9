package dev.o365connector.testcontainers;

import static dev.o365connector.testcontainers.ConnectorService.AUTH_SERVICE;
import static dev.o365connector.testcontainers.ConnectorService.GRAPH_GATEWAY;
import static dev.o365connector.testcontainers.ConnectorService.GRAPH_SIMULATOR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment each service container starts with: every variable its {@code
 * application.properties} requires in the production profile, pointing at the other containers by
 * network alias, plus the simulator as Microsoft and as the platform's OIDC provider.
 */
final class ServiceEnvironment {

  /** auth-service's OAuth callback as the stack's app registration names it. */
  static final String CALLBACK_URL = AUTH_SERVICE.internalUrl() + "/connector/callback";

  /** Platform clients of the services, as in their {@code O365_PLATFORM_CLIENT_ID} defaults. */
  static final String GATEWAY_CLIENT = "graph-gateway";

  static final String SYNC_WORKER_CLIENT = "sync-worker";

  /** The developer's client, holding every internal role. */
  static final String DEV_CLIENT = "platform-dev";

  private ServiceEnvironment() {}

  /** The simulator's arguments: its port, and the alias its issuer and links must carry. */
  static List<String> simulatorArguments() {
    return List.of("--port=" + GRAPH_SIMULATOR.port(), "--host=" + GRAPH_SIMULATOR.alias());
  }

  static Map<String, String> authService(
      SimulatorSetup simulator, DatabaseLogin database, String tokenKeyset) {
    Map<String, String> env = common(simulator);
    env.putAll(database(database));
    env.put("O365_CLIENT_ID", simulator.app().clientId());
    env.put("O365_CLIENT_SECRET", simulator.app().clientSecret());
    env.put("O365_CALLBACK_URL", CALLBACK_URL);
    env.put("O365_LOGIN_BASE_URL", GRAPH_SIMULATOR.internalUrl());
    env.put("O365_GRAPH_BASE_URL", GRAPH_SIMULATOR.internalUrl() + "/v1.0");
    env.put("O365_TOKEN_KEYSET", tokenKeyset);
    return env;
  }

  static Map<String, String> graphGateway(SimulatorSetup simulator) {
    Map<String, String> env = common(simulator);
    env.put("O365_AUTH_URL", AUTH_SERVICE.internalUrl());
    env.put("O365_GRAPH_BASE_URL", GRAPH_SIMULATOR.internalUrl() + "/v1.0");
    env.putAll(platformClient(simulator, GATEWAY_CLIENT));
    return env;
  }

  static Map<String, String> syncWorker(SimulatorSetup simulator, DatabaseLogin database) {
    Map<String, String> env = common(simulator);
    env.putAll(database(database));
    env.put("O365_GATEWAY_URL", GRAPH_GATEWAY.internalUrl());
    env.putAll(platformClient(simulator, SYNC_WORKER_CLIENT));
    return env;
  }

  private static Map<String, String> common(SimulatorSetup simulator) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", StackNetwork.KAFKA_BOOTSTRAP);
    env.put("O365_PLATFORM_ISSUER", simulator.platformIssuer());
    // The simulator's credentials are development ones: the stack says so, as production won't.
    env.put("O365_DEPLOYMENT_MODE", "development");
    return env;
  }

  private static Map<String, String> database(DatabaseLogin database) {
    return Map.of(
        "DB_HOST", StackNetwork.POSTGRES_ALIAS,
        "DB_PORT", Integer.toString(StackNetwork.POSTGRES_PORT),
        "DB_NAME", database.database(),
        "DB_USER", database.user(),
        "DB_PASSWORD", database.password());
  }

  private static Map<String, String> platformClient(SimulatorSetup simulator, String clientId) {
    return Map.of(
        "O365_PLATFORM_CLIENT_ID",
        clientId,
        "O365_PLATFORM_CLIENT_SECRET",
        simulator.platformSecret(clientId));
  }
}
