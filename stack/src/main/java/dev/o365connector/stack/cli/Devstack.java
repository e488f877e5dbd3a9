package dev.o365connector.stack.cli;

import dev.o365connector.stack.demo.Demo;
import dev.o365connector.stack.demo.DemoTarget;
import dev.o365connector.stack.process.Stack;
import dev.o365connector.stack.process.StackEnvironment;
import dev.o365connector.stack.process.StackHome;
import dev.o365connector.stack.process.StackPart;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./devstack up | down | status | demo | install | token | env | pid}: the command line of
 * {@link Stack}, run by the {@code devstack} script at the repository root (which builds what is
 * missing first and handles {@code logs}). The state is in {@code DEVSTACK_HOME}, {@code
 * .devstack/} by default.
 */
public final class Devstack {

  static final String USAGE =
      "usage: ./devstack "
          + UpOptions.USAGE
          + " | down | status | logs <part> | demo [--compose] | install [TENANT_ID]"
          + " | token <client> | env | pid <part>";

  /**
   * The test infrastructure's announcements ("PostgreSQL = external ...") describe how a test JVM
   * found its servers, and the Kafka clients' configuration dumps are not news either: only
   * warnings; the Kafka clients' warnings while a broker starts (no connection yet) are expected,
   * so only their errors. Held so the levels stick.
   */
  private static final Logger QUIET = Logger.getLogger("");

  private static final Logger KAFKA_CLIENTS = Logger.getLogger("org.apache.kafka");

  private Devstack() {}

  public static void main(String[] args) {
    QUIET.setLevel(Level.WARNING);
    KAFKA_CLIENTS.setLevel(Level.SEVERE);
    Path repository = Path.of(System.getProperty("devstack.repository", ".")).toAbsolutePath();
    Stack stack = new Stack(repository, StackHome.configured(repository), Stack.configuredPorts());
    String command = args.length == 0 ? "status" : args[0];
    List<String> arguments = List.of(args).subList(Math.min(1, args.length), args.length);
    try {
      switch (command) {
        case "up" -> up(stack, UpOptions.parse(arguments));
        case "down" -> down(stack);
        case "status" -> System.out.print(new StackStatus(stack).table());
        case "demo" -> demo(stack, arguments.contains("--compose"));
        case "install" -> System.out.println(new Installs(stack).install(first(arguments, null)));
        case "token" ->
            System.out.println(new Installs(stack).token(required(arguments, "client")));
        case "env" -> StackEnvironment.read(stack).dotenv().forEach(Devstack::printSetting);
        case "pid" -> System.out.println(pid(stack, required(arguments, "part")));
        default -> {
          System.err.println(USAGE);
          System.exit(2);
        }
      }
    } catch (RuntimeException e) {
      System.err.println("devstack " + command + ": " + e.getMessage());
      System.exit(1);
    }
    System.exit(0); // the Kafka admin client's threads would keep the JVM alive
  }

  private static void up(Stack stack, UpOptions options) {
    stack = options.applyTo(stack);
    StackEnvironment environment = stack.up(options.parts(), System.out::println);
    if (environment != null) {
      environment.writeDotenv();
    }
    System.out.println();
    System.out.print(new StackStatus(stack).table());
    System.out.println();
    if (environment == null) {
      System.out.println("No simulator runs, so no environment file: ./devstack up starts it.");
      return;
    }
    System.out.println(
        "Environment for scripts and tools: "
            + stack.home().envFile()
            + " (set -a; source "
            + stack.home().envFile()
            + "; set +a), or ./devstack env");
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

  private static long pid(Stack stack, String part) {
    return stack
        .running(StackPart.byId(part))
        .orElseThrow(() -> new IllegalStateException(part + " is not running"))
        .pid();
  }

  private static void printSetting(String name, String value) {
    System.out.println(name + "=" + value);
  }

  private static String first(List<String> arguments, String otherwise) {
    return arguments.isEmpty() ? otherwise : arguments.get(0);
  }

  private static String required(List<String> arguments, String what) {
    if (arguments.isEmpty()) {
      throw new IllegalArgumentException("name the " + what + ": " + USAGE);
    }
    return arguments.get(0);
  }
}
