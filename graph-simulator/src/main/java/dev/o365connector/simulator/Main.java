package dev.o365connector.simulator;

import dev.o365connector.simulator.control.SimulatorInfo;
import io.vertx.core.json.JsonObject;

/**
 * {@code java -jar graph-simulator.jar [--port=N] [--host=NAME] [--seed=N] [--https[=dir]]}: the
 * simulator on port 8089 with the demo tenant, its app registration and the platform tenant,
 * printed at start. {@code --host} (or the environment variable {@code SIMULATOR_HOST}) is the name
 * clients reach it by, which the issuer and every handed-out URL carry; {@code localhost} when
 * absent. In a container it is the service's name, e.g. {@code graph-simulator}.
 */
public final class Main {

  /** Environment variable naming the host when {@code --host} is not given. */
  static final String HOST_VARIABLE = "SIMULATOR_HOST";

  private Main() {}

  public static void main(String[] args) {
    SimulatorConfig config = SimulatorConfig.defaults().withPort(SimulatorConfig.STANDALONE_PORT);
    String host = System.getenv(HOST_VARIABLE);
    if (host != null && !host.isBlank()) {
      config = config.withHost(host.strip());
    }
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        config = config.withPort(Integer.parseInt(arg.substring("--port=".length())));
      } else if (arg.startsWith("--host=")) {
        config = config.withHost(arg.substring("--host=".length()));
      } else if (arg.equals("--https")) {
        config = config.withHttps(null);
      } else if (arg.startsWith("--https=")) {
        config = config.withHttps(java.nio.file.Path.of(arg.substring("--https=".length())));
      } else if (arg.startsWith("--seed=")) {
        config = config.withSeed(Long.parseLong(arg.substring("--seed=".length())));
      } else {
        System.err.println(
            "usage: java -jar graph-simulator.jar [--port=N] [--host=NAME] [--seed=N]"
                + " [--https[=certificate-dir]]");
        System.exit(2);
      }
    }
    GraphSimulator simulator = new GraphSimulator(config).start();
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "simulator-stop"));
    JsonObject info = SimulatorInfo.describe(simulator.context());
    System.out.println("graph-simulator listening on " + simulator.baseUrl());
    System.out.println(info.encodePrettily());
  }
}
