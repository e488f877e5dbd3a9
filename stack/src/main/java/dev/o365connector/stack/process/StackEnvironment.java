package dev.o365connector.stack.process;

import dev.o365connector.recipe.AppRegistration;
import dev.o365connector.recipe.Service;
import dev.o365connector.recipe.ServiceRecipe;
import dev.o365connector.recipe.Topology;
import dev.o365connector.stack.infrastructure.Infrastructure;
import dev.o365connector.stack.postgres.PostgresDatabase;
import dev.o365connector.stack.postgres.PostgresServer;
import dev.o365connector.stack.simulator.ControlRequests;
import dev.o365connector.stack.simulator.SimulatorInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the parts of a running stack find each other: the topology each service's environment is made
 * from by the recipe (production's variables, nothing else) and the dotenv file scripts and tools
 * read. The graph-simulator stands in for Microsoft 365 (its demo tenant and app registration) and
 * is the platform's OIDC provider for internal callers. With {@code O365_CLIENT_ID}, {@code
 * O365_CLIENT_SECRET} and {@code O365_CALLBACK_URL} set, the services talk to the real Microsoft
 * identity platform and Graph instead; the simulator then only issues platform tokens.
 */
public final class StackEnvironment {

  /** Dev-only platform client holding every internal role, for scripts and tools. */
  public static final String PLATFORM_CLIENT = "platform-dev";

  private final Stack stack;
  private final SimulatorInfo simulator;
  private final JsonObject app;
  private final boolean microsoft = Infrastructure.setting("O365_CLIENT_ID").isPresent();

  private StackEnvironment(Stack stack, SimulatorInfo simulator, JsonObject app) {
    this.stack = stack;
    this.simulator = simulator;
    this.app = app;
  }

  /** Reads the running simulator's tenants, apps and platform clients. */
  public static StackEnvironment read(Stack stack) {
    String base = stack.url(StackPart.SIMULATOR);
    SimulatorInfo info = SimulatorInfo.read(base);
    String callback = stack.url(StackPart.AUTH_SERVICE) + ServiceRecipe.CALLBACK_PATH;
    JsonObject app =
        info.apps().stream()
            .filter(a -> a.getJsonArray("redirectUris").contains(callback))
            .findFirst()
            .orElseGet(() -> registerApp(base, callback));
    return new StackEnvironment(stack, info, app);
  }

  /** Whether the services talk to the real Microsoft 365 rather than the simulator. */
  public boolean microsoft() {
    return microsoft;
  }

  /** The running simulator: its demo tenant and platform clients. */
  public SimulatorInfo simulator() {
    return simulator;
  }

  public String demoTenantId() {
    return simulator.demoTenantId();
  }

  public String platformTokenUrl() {
    return simulator.platformTokenUrl();
  }

  public String platformSecret(String clientId) {
    return simulator.platformSecret(clientId);
  }

  /** What {@code .devstack/env} holds: every URL and port, and dev credentials. */
  public Map<String, String> dotenv() {
    PostgresServer postgres = stack.postgres();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("O365_AUTH_URL", stack.url(StackPart.AUTH_SERVICE));
    env.put("O365_GATEWAY_URL", stack.url(StackPart.GRAPH_GATEWAY));
    env.put("O365_SYNC_URL", stack.url(StackPart.SYNC_WORKER));
    env.put("O365_SIMULATOR_URL", stack.url(StackPart.SIMULATOR));
    env.put("O365_CALLBACK_URL", callbackUrl());
    env.put("O365_DEMO_TENANT_ID", demoTenantId());
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    env.put("O365_PLATFORM_ISSUER", simulator.platformIssuer());
    env.put("O365_PLATFORM_TOKEN_URL", platformTokenUrl());
    env.put("O365_PLATFORM_CLIENT_ID", PLATFORM_CLIENT);
    env.put("O365_PLATFORM_CLIENT_SECRET", platformSecret(PLATFORM_CLIENT));
    env.put("O365_PLATFORM_SCOPE", "o365-connector/.default");
    env.put("O365_AUTH_DB_URL", postgres.jdbcUrl(Service.AUTH_SERVICE.database().orElseThrow()));
    env.put("O365_AUTH_DB_USER", postgres.user());
    env.put("O365_AUTH_DB_PASSWORD", postgres.password());
    env.put("O365_SYNC_DB_URL", postgres.jdbcUrl(Service.SYNC_WORKER.database().orElseThrow()));
    env.put("O365_SYNC_DB_USER", postgres.user());
    env.put("O365_SYNC_DB_PASSWORD", postgres.password());
    env.put("DEVSTACK_LOGS", stack.home().root().resolve("logs").toString());
    return env;
  }

  /** Writes {@link #dotenv()} to {@code .devstack/env}, readable by its owner only. */
  public void writeDotenv() {
    StringBuilder text =
        new StringBuilder(
            "# Written by ./devstack up. Dev-only credentials of a local stack; never reuse them.\n");
    dotenv().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    try {
      Files.writeString(stack.home().envFile(), text);
      Files.setPosixFilePermissions(
          stack.home().envFile(), PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The environment a service process starts with: the recipe's ({@link ServiceRecipe}) for this
   * stack's {@link #topology()}.
   */
  public Map<String, String> serviceEnvironment(StackPart part) {
    if (!part.isService()) {
      throw new IllegalArgumentException(part.id() + " is not a service");
    }
    return ServiceRecipe.environment(part.service().orElseThrow(), topology());
  }

  /**
   * This stack as its services see it: every part on localhost at its port, the two databases on
   * the stack's PostgreSQL, the running simulator's platform clients, and auth-service's app (the
   * simulator's, or the Entra app of {@code O365_CLIENT_ID}, {@code O365_CLIENT_SECRET}, {@code
   * O365_CALLBACK_URL}), the stack's own token keyset unless {@code O365_TOKEN_KEYSET} names one,
   * return URLs under {@code O365_RETURN_URL_PREFIXES} (default {@code http://localhost}).
   */
  public Topology topology() {
    PostgresServer postgres = stack.postgres();
    Topology topology =
        stack
            .topology()
            .withPlatform(simulator.platformIssuer(), simulator.platformSecrets())
            .withApp(
                new AppRegistration(
                    setting("O365_CLIENT_ID", app.getString("clientId")),
                    setting("O365_CLIENT_SECRET", app.getString("clientSecret")),
                    callbackUrl()),
                !microsoft)
            .withTokenKeyset(
                Infrastructure.setting("O365_TOKEN_KEYSET").orElseGet(stack.home()::tokenKeyset))
            .withReturnUrlPrefixes(setting("O365_RETURN_URL_PREFIXES", "http://localhost"));
    for (Service service : Service.values()) {
      if (service.database().isPresent()) {
        topology =
            topology.withDatabase(
                service, new PostgresDatabase(postgres, service.database().get()).recipeDatabase());
      }
    }
    return topology;
  }

  private String callbackUrl() {
    return setting(
        "O365_CALLBACK_URL", stack.url(StackPart.AUTH_SERVICE) + ServiceRecipe.CALLBACK_PATH);
  }

  private static String setting(String name, String otherwise) {
    return Infrastructure.setting(name).orElse(otherwise);
  }

  /** The demo app allows only port 8081's callback: another port registers an app of its own. */
  private static JsonObject registerApp(String simulator, String callback) {
    String body =
        new JsonObject()
            .put("displayName", "o365-connector (devstack)")
            .put("redirectUris", new JsonArray().add(callback))
            .encode();
    return new JsonObject(
        ControlRequests.send(
            HttpRequest.newBuilder(URI.create(simulator + "/_sim/apps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
  }
}
