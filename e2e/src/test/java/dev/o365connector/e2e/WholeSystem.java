package dev.o365connector.e2e;

import dev.o365connector.stack.process.Stack;
import dev.o365connector.stack.process.StackEnvironment;
import dev.o365connector.stack.process.StackHome;
import dev.o365connector.stack.process.StackPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole system for these tests, started once per test JVM with devstack's {@link Stack}: every
 * part a process of its own from the packaged jars, as {@code ./devstack up} runs it, on ports of
 * its own (so a developer's running devstack or a benchmark is left alone) with its state under
 * {@code target/stack}. Stopped, with everything it started, when the JVM exits.
 */
final class WholeSystem {

  private static WholeSystem shared;

  private final Stack stack;
  private final StackEnvironment environment;

  private WholeSystem(Stack stack, StackEnvironment environment) {
    this.stack = stack;
    this.environment = environment;
  }

  static synchronized WholeSystem shared() {
    if (shared == null) {
      Path repository = Path.of("..").toAbsolutePath().normalize();
      Stack stack =
          new Stack(
              repository,
              new StackHome(Path.of("target", "stack-" + PORT_OFFSET).toAbsolutePath()),
              ports());
      stack.down(line -> {}); // whatever an aborted earlier run left behind
      // ... and its topics, databases and logs: the log scan reads this run's logs only.
      deleteRecursively(stack.home().root());
      StackEnvironment environment = stack.up(line -> System.out.println("[stack] " + line));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> stack.down(line -> System.out.println("[stack] " + line))));
      shared = new WholeSystem(stack, environment);
    }
    return shared;
  }

  /**
   * Added to each part's usual port: 10,000 (Kafka 19092, PostgreSQL 15433, auth-service 18081...)
   * unless {@code -De2e.port-offset} says otherwise, so two runs on one machine keep apart.
   */
  static final int PORT_OFFSET = Integer.getInteger("e2e.port-offset", 10_000);

  private static Map<StackPart, Integer> ports() {
    Map<StackPart, Integer> ports = new EnumMap<>(StackPart.class);
    for (StackPart part : StackPart.values()) {
      ports.put(part, part.defaultPort() + PORT_OFFSET);
    }
    return ports;
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Stack stack() {
    return stack;
  }

  StackEnvironment environment() {
    return environment;
  }
}
