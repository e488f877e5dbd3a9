package dev.o365connector.simulator;

import dev.o365connector.simulator.control.SimulatorInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java -jar graph-simulator.jar [--port=N] [--host=NAME] [--seed=N] [--https[=dir]]}: the
 * simulator on port 8089 with the demo tenant, its app registration and the platform tenant,
 * printed at start. {@code --host} (or {@code SIMULATOR_HOST}) is the name its URLs (issuer, token
 * endpoint, links) carry, {@code localhost} by default; in a container network, the alias the other
 * containers reach it by.
 */
public final class Main {

  /** Environment variable naming the host when {@code --host} is not given. */
  static final String HOST_VARIABLE = "SIMULATOR_HOST";

  static final String USAGE =
      "usage: java -jar graph-simulator.jar [--port=N] [--host=NAME] [--seed=N]"
          + " [--https[=certificate-dir]]";

  private Main() {}

  public static void main(String[] args) {
    SimulatorConfig config;
    try {
      config = config(args);
    } catch (IllegalArgumentException e) {
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    GraphSimulator simulator = new GraphSimulator(config).start();
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "simulator-stop"));
    JsonObject info = SimulatorInfo.describe(simulator.context());
    System.out.println("graph-simulator listening on " + simulator.baseUrl());
    // Secrets stay out of the log (log scans treat any client secret as a leak); they are one
    // request away for whoever may reach the control API.
    System.out.println("tenants, apps and platform clients with their secrets: GET /_sim/info");
    System.out.println(withoutSecrets(info).encodePrettily());
  }

  /** {@code info} with every {@code clientSecret} replaced by a placeholder. */
  static JsonObject withoutSecrets(JsonObject info) {
    JsonObject copy = info.copy();
    redact(copy);
    return copy;
  }

  private static void redact(Object node) {
    if (node instanceof JsonObject object) {
      for (String field : object.fieldNames()) {
        if (field.toLowerCase(Locale.ROOT).contains("secret")) {
          object.put(field, "(see GET /_sim/info)");
        } else {
          redact(object.getValue(field));
        }
      }
    } else if (node instanceof JsonArray array) {
      array.forEach(Main::redact);
    }
  }

  /** The standalone defaults changed by {@code args}; an unknown argument is refused. */
  static SimulatorConfig config(String... args) {
    SimulatorConfig config = SimulatorConfig.defaults().withPort(SimulatorConfig.STANDALONE_PORT);
    String host = System.getenv(HOST_VARIABLE);
    if (host != null && !host.isBlank()) {
      config = config.withHost(host.strip()); // the way a container is configured; --host wins
    }
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        config = config.withPort(Integer.parseInt(arg.substring("--port=".length())));
      } else if (arg.startsWith("--host=") && arg.length() > "--host=".length()) {
        config = config.withHost(arg.substring("--host=".length()));
      } else if (arg.equals("--https")) {
        config = config.withHttps(null);
      } else if (arg.startsWith("--https=")) {
        config = config.withHttps(Path.of(arg.substring("--https=".length())));
      } else if (arg.startsWith("--seed=")) {
        config = config.withSeed(Long.parseLong(arg.substring("--seed=".length())));
      } else {
        throw new IllegalArgumentException(arg);
      }
    }
    return config;
  }
}
