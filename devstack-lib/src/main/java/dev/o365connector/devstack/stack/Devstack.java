package dev.o365connector.devstack.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./devstack up | down | status | demo [--compose]}: the command line of {@link Stack}, run
 * by the {@code devstack} script at the repository root (which builds what is missing first and
 * handles {@code logs}).
 */
public final class Devstack {

  /**
   * The test infrastructure's announcements ("PostgreSQL = external ...") describe how a test JVM
   * found its servers, which is not news here. Held so the level sticks.
   */
  private static final Logger QUIET = Logger.getLogger("dev.o365connector.devstack");

  private Devstack() {}

  public static void main(String[] args) {
    QUIET.setLevel(Level.WARNING);
    Path repository = Path.of(System.getProperty("devstack.repository", ".")).toAbsolutePath();
    Stack stack = new Stack(repository, StackHome.of(repository), Stack.configuredPorts());
    String command = args.length == 0 ? "status" : args[0];
    try {
      switch (command) {
        case "up" -> up(stack);
        case "down" -> down(stack);
        case "status" -> System.out.print(new StackStatus(stack).table());
        case "demo" -> demo(stack, List.of(args).contains("--compose"));
        default -> {
          System.err.println(
              "usage: ./devstack up | down | status | logs <part> | demo [--compose]");
          System.exit(2);
        }
      }
    } catch (RuntimeException e) {
      System.err.println("devstack " + command + ": " + e.getMessage());
      System.exit(1);
    }
    System.exit(0); // the Kafka admin client's threads would keep the JVM alive
  }

  private static void up(Stack stack) {
    StackEnvironment environment = stack.up(System.out::println);
    environment.writeDotenv();
    System.out.println();
    System.out.print(new StackStatus(stack).table());
    System.out.println();
    System.out.println(
        "Environment for scripts and tools: "
            + stack.home().envFile()
            + " (set -a; source .devstack/env)");
    System.out.println(
        environment.microsoft()
            ? "Microsoft 365: the services use the Entra app O365_CLIENT_ID; the simulator only"
                + " issues platform tokens."
            : "Microsoft 365 is simulated: demo tenant " + environment.demoTenantId() + ".");
    System.out.println("Next: ./devstack demo, ./devstack logs <part>, ./devstack down");
  }

  /** Against this stack, or with {@code --compose} against docker-compose.yml's. */
  private static void demo(Stack stack, boolean compose) {
    if (compose) {
      new Demo(DemoTarget.compose(), System.out).run();
      return;
    }
    StackEnvironment environment = StackEnvironment.read(stack);
    if (environment.microsoft()) {
      throw new IllegalStateException(
          "the demo changes data in the simulated tenant; run it without O365_CLIENT_ID");
    }
    new Demo(DemoTarget.of(stack, environment), System.out).run();
  }

  private static void down(Stack stack) {
    List<String> stopped = stack.down(System.out::println);
    System.out.println(stopped.isEmpty() ? "nothing was running" : "stopped " + stopped.size());
  }
}
