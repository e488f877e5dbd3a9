package dev.o365connector.stack.simulator;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.stack.infrastructure.Infrastructure;

/**
 * The one graph-simulator of this JVM (demo tenant, seed 42, a free port), started on first use and
 * stopped when the JVM exits, like the Kafka broker and PostgreSQL server.
 */
public final class SimulatorServer {

  /** Set once the simulator runs; every class loader of this JVM sees it (see KafkaServers). */
  static final String STARTED_PROPERTY = "devstack.simulator.base-url";

  private SimulatorServer() {}

  /** The simulator's base URL ({@code http://localhost:port}), started if needed. */
  public static synchronized String sharedBaseUrl() {
    String started = System.getProperty(STARTED_PROPERTY);
    if (started != null) {
      return started;
    }
    GraphSimulator simulator = new GraphSimulator(SimulatorConfig.defaults()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "devstack-simulator-stop"));
    System.setProperty(STARTED_PROPERTY, simulator.baseUrl());
    Infrastructure.announce("graph-simulator", "embedded", simulator.baseUrl());
    return simulator.baseUrl();
  }
}
