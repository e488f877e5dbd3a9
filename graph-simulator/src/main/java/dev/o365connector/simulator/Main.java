package dev.o365connector.simulator;

import dev.o365connector.simulator.control.SimulatorInfo;
import io.vertx.core.json.JsonObject;

/**
 * {@code java -jar graph-simulator.jar [--port=N] [--seed=N] [--https[=dir]]}: the simulator on
 * port 8089 with the demo tenant, its app registration and the platform tenant, printed at start.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    SimulatorConfig config = SimulatorConfig.defaults().withPort(SimulatorConfig.STANDALONE_PORT);
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        config = config.withPort(Integer.parseInt(arg.substring("--port=".length())));
      } else if (arg.equals("--https")) {
        config = config.withHttps(null);
      } else if (arg.startsWith("--https=")) {
        config = config.withHttps(java.nio.file.Path.of(arg.substring("--https=".length())));
      } else if (arg.startsWith("--seed=")) {
        config = config.withSeed(Long.parseLong(arg.substring("--seed=".length())));
      } else {
        System.err.println(
            "usage: java -jar graph-simulator.jar [--port=N] [--seed=N] [--https[=certificate-dir]]");
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
