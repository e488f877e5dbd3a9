package dev.o365connector.stack.demo;

import dev.o365connector.stack.process.Stack;
import dev.o365connector.stack.process.StackEnvironment;
import dev.o365connector.stack.process.StackPart;
import dev.o365connector.stack.simulator.SimulatorInfo;
import java.util.function.UnaryOperator;

/**
 * What {@code ./devstack demo} talks to, as this machine reaches it: the services, the simulator
 * and Kafka; {@code hostUrl} turns a URL the stack hands out (a consent URL, the platform token
 * endpoint) into one this machine can open.
 */
public record DemoTarget(
    String authUrl,
    String syncWorkerUrl,
    String simulatorUrl,
    String kafkaBootstrapServers,
    SimulatorInfo simulator,
    UnaryOperator<String> hostUrl) {

  /** A stack of {@code ./devstack}: everything on localhost already. */
  public static DemoTarget of(Stack stack, StackEnvironment environment) {
    return new DemoTarget(
        stack.url(StackPart.AUTH_SERVICE),
        stack.url(StackPart.SYNC_WORKER),
        stack.url(StackPart.SIMULATOR),
        stack.kafkaBootstrapServers(),
        environment.simulator(),
        UnaryOperator.identity());
  }

  /**
   * docker-compose.yml's stack on the ports it publishes (auth-service 8081, sync-worker 8083, the
   * simulator 8089, Kafka's host listener 9094). Inside it the simulator is {@code
   * graph-simulator:8089}, which is what its consent and token URLs name.
   */
  public static DemoTarget compose() {
    String simulator = "http://localhost:8089";
    return new DemoTarget(
        "http://localhost:8081",
        "http://localhost:8083",
        simulator,
        "localhost:9094",
        SimulatorInfo.read(simulator),
        url -> url.replace("://graph-simulator:8089", "://localhost:8089"));
  }
}
