package dev.o365connector.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one recipe for starting a service of the connector: for each {@link Service}, the environment
 * variables (and for the simulator the arguments) it starts with, derived from a {@link Topology}.
 * Production's variables and nothing else, as each service's {@code application.properties} reads
 * them; the dev stack ({@code ./devstack}), the test processes and o365-connector-testcontainers
 * all start services from here. Every stack it describes runs with development credentials (the
 * simulator's secrets, a keyset nobody guards), so it declares itself a development deployment.
 */
public final class ServiceRecipe {

  /** The callback path of auth-service, appended to its URL for an app's redirect URI. */
  public static final String CALLBACK_PATH = "/connector/callback";

  private ServiceRecipe() {}

  /** The environment {@code service} starts with in {@code topology}. */
  public static Map<String, String> environment(Service service, Topology topology) {
    Map<String, String> env = new LinkedHashMap<>();
    if (service == Service.GRAPH_SIMULATOR) {
      return env; // configured by its arguments
    }
    if (topology.addresses().containsKey(service)) {
      env.put("QUARKUS_HTTP_PORT", Integer.toString(topology.address(service).port()));
    }
    env.put("KAFKA_BOOTSTRAP_SERVERS", topology.kafkaBootstrapServers());
    env.put("O365_PLATFORM_ISSUER", Topology.require(topology.platformIssuer(), "platform issuer"));
    env.put("O365_DEPLOYMENT_MODE", "development");
    service.database().ifPresent(name -> env.putAll(database(topology.database(service))));
    switch (service) {
      case AUTH_SERVICE -> authService(topology, env);
      case GRAPH_GATEWAY -> {
        env.put("O365_AUTH_URL", topology.address(Service.AUTH_SERVICE).url());
        if (topology.microsoftSimulated()) {
          env.put("O365_GRAPH_BASE_URL", graphBaseUrl(topology));
        }
      }
      case SYNC_WORKER ->
          env.put("O365_GATEWAY_URL", topology.address(Service.GRAPH_GATEWAY).url());
      default -> throw new IllegalArgumentException(service.id());
    }
    service
        .platformClient()
        .ifPresent(
            client -> {
              env.put("O365_PLATFORM_CLIENT_ID", client);
              env.put("O365_PLATFORM_CLIENT_SECRET", topology.platformSecret(client));
            });
    return env;
  }

  /**
   * The arguments after {@code -jar <jar>} (or the image's entry point): the simulator's port and
   * the host name its issuer and links carry, the one the other services reach it by.
   */
  public static List<String> arguments(Service service, Topology topology) {
    if (service != Service.GRAPH_SIMULATOR) {
      return List.of();
    }
    Address simulator = topology.address(Service.GRAPH_SIMULATOR);
    return List.of("--port=" + simulator.port(), "--host=" + simulator.host());
  }

  /** A service's database variables ({@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}...). */
  public static Map<String, String> database(Database database) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DB_HOST", database.host());
    env.put("DB_PORT", Integer.toString(database.port()));
    env.put("DB_NAME", database.name());
    env.put("DB_USER", database.user());
    // A server that trusts local connections ignores it, but the services require one.
    env.put("DB_PASSWORD", database.password().isEmpty() ? "unused" : database.password());
    return env;
  }

  private static void authService(Topology topology, Map<String, String> env) {
    AppRegistration app = Topology.require(topology.app(), "app registration");
    env.put("O365_CLIENT_ID", app.clientId());
    env.put("O365_CLIENT_SECRET", app.clientSecret());
    env.put("O365_CALLBACK_URL", app.redirectUri());
    if (topology.microsoftSimulated()) {
      env.put("O365_LOGIN_BASE_URL", topology.address(Service.GRAPH_SIMULATOR).url());
      env.put("O365_GRAPH_BASE_URL", graphBaseUrl(topology));
    }
    env.put("O365_TOKEN_KEYSET", Topology.require(topology.tokenKeyset(), "token keyset"));
    topology.returnUrlPrefixes().ifPresent(p -> env.put("O365_RETURN_URL_PREFIXES", p));
  }

  private static String graphBaseUrl(Topology topology) {
    return topology.address(Service.GRAPH_SIMULATOR).url() + "/v1.0";
  }
}
