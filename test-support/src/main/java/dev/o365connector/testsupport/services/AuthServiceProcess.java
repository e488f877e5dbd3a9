package dev.o365connector.testsupport.services;

import dev.o365connector.recipe.AppRegistration;
import dev.o365connector.recipe.Service;
import dev.o365connector.recipe.ServiceRecipe;
import dev.o365connector.recipe.Topology;
import dev.o365connector.stack.kafka.KafkaServers;
import dev.o365connector.stack.postgres.PostgresServers;
import dev.o365connector.stack.services.ServiceProcess;
import dev.o365connector.testsupport.simulator.SimulatorTestResource;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged auth-service as a process of its own, against this JVM's Kafka, a database of its
 * own and the shared graph-simulator (its demo app and platform tenant), started from the recipe
 * ({@link ServiceRecipe}). One per JVM, started on first use, so the tests of other services talk
 * to the real thing.
 */
public final class AuthServiceProcess {

  /** Where the build leaves the fast-jar, relative to a sibling module's directory. */
  static final Path JAR = Path.of("..", "auth-service", "target", "quarkus-app", "quarkus-run.jar");

  /**
   * Dev and test keyset only (auth-service's own tests use it too): it never protects a real token.
   */
  public static final String TEST_KEYSET =
      "{\"primaryKeyId\":2743068641,\"key\":[{\"keyData\":{\"typeUrl\":"
          + "\"type.googleapis.com/google.crypto.tink.AesGcmKey\",\"value\":"
          + "\"GiDk4skwKsZQt54mJqAe5TUOhPflFQ4Uro4mCtxLPRF8Bw==\",\"keyMaterialType\":\"SYMMETRIC\"},"
          + "\"status\":\"ENABLED\",\"keyId\":2743068641,\"outputPrefixType\":\"TINK\"}]}";

  private static ServiceProcess shared;

  private AuthServiceProcess() {}

  /** The shared auth-service, started if needed. */
  public static synchronized ServiceProcess shared() {
    if (shared == null) {
      shared =
          ServiceProcess.start(
              "auth-service",
              Path.of(System.getProperty("devstack.auth-service.jar", JAR.toString())),
              ServiceRecipe.environment(Service.AUTH_SERVICE, topology()),
              Path.of("target", "auth-service-process.log"));
    }
    return shared;
  }

  /**
   * This JVM's Kafka, a fresh {@code auth_process} database and the shared simulator: its demo app
   * (whose redirect URI the tests' callbacks carry) and platform tenant. No address of its own:
   * {@link ServiceProcess} gives it a free port.
   */
  static Topology topology() {
    Map<String, String> simulator = new SimulatorTestResource().start();
    URI base = URI.create(simulator.get("o365.simulator.base-url"));
    return Topology.of(KafkaServers.shared().bootstrapServers())
        .withAddress(Service.GRAPH_SIMULATOR, base.getHost(), base.getPort())
        .withDatabase(
            Service.AUTH_SERVICE, PostgresServers.freshDatabase("auth_process").recipeDatabase())
        .withPlatform(simulator.get("o365.simulator.platform.issuer"), platformSecrets(simulator))
        .withApp(
            new AppRegistration(
                simulator.get("o365.simulator.app.client-id"),
                simulator.get("o365.simulator.app.client-secret"),
                simulator.get("o365.simulator.app.redirect-uri")),
            true)
        .withTokenKeyset(TEST_KEYSET)
        .withReturnUrlPrefixes("https://platform.example/");
  }

  /** The platform clients' secrets of {@link SimulatorTestResource}'s settings, by client id. */
  static Map<String, String> platformSecrets(Map<String, String> simulator) {
    Map<String, String> secrets = new HashMap<>();
    simulator.forEach(
        (key, value) -> {
          if (key.startsWith("o365.simulator.platform.") && key.endsWith(".secret")) {
            secrets.put(
                key.substring(
                    "o365.simulator.platform.".length(), key.length() - ".secret".length()),
                value);
          }
        });
    return secrets;
  }
}
