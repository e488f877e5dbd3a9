package dev.o365connector.devstack.services;

import dev.o365connector.devstack.kafka.KafkaServers;
import dev.o365connector.devstack.postgres.PostgresDatabase;
import dev.o365connector.devstack.postgres.PostgresServers;
import dev.o365connector.devstack.simulator.SimulatorTestResource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged auth-service as a process of its own, against this JVM's Kafka, a database of its
 * own and the shared graph-simulator (its demo app and platform tenant). One per JVM, started on
 * first use, so the tests of other services talk to the real thing.
 */
public final class AuthServiceProcess {

  /** Where the build leaves the fast-jar, relative to a sibling module's directory. */
  static final Path JAR = Path.of("..", "auth-service", "target", "quarkus-app", "quarkus-run.jar");

  /** Dev and test keyset only: it never protects a real token. */
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
              environment(),
              Path.of("target", "auth-service-process.log"));
    }
    return shared;
  }

  private static Map<String, String> environment() {
    Map<String, String> simulator = new SimulatorTestResource().start();
    PostgresDatabase database = PostgresServers.freshDatabase("auth_process");
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaServers.shared().bootstrapServers());
    env.putAll(database.serviceEnvironment());
    env.put("O365_CLIENT_ID", simulator.get("o365.simulator.app.client-id"));
    env.put("O365_CLIENT_SECRET", simulator.get("o365.simulator.app.client-secret"));
    env.put("O365_CALLBACK_URL", simulator.get("o365.simulator.app.redirect-uri"));
    env.put("O365_LOGIN_BASE_URL", simulator.get("o365.simulator.base-url"));
    env.put("O365_GRAPH_BASE_URL", simulator.get("o365.simulator.graph-base-url"));
    env.put("O365_PLATFORM_ISSUER", simulator.get("o365.simulator.platform.issuer"));
    env.put("O365_RETURN_URL_PREFIXES", "https://platform.example/");
    env.put("O365_TOKEN_KEYSET", TEST_KEYSET);
    return env;
  }
}
