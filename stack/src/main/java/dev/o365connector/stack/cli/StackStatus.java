package dev.o365connector.stack.cli;

import dev.o365connector.stack.process.Stack;
import dev.o365connector.stack.process.StackPart;
import java.nio.file.Path;
import java.util.Optional;

/** One table of the stack: each part's state, pid, address and log. */
final class StackStatus {

  private static final String ROW = "%-16s %-9s %-8s %-28s %s%n";

  private final Stack stack;

  StackStatus(Stack stack) {
    this.stack = stack;
  }

  String table() {
    StringBuilder table =
        new StringBuilder(String.format(ROW, "PART", "STATE", "PID", "ADDRESS", "LOG"));
    Path base = Path.of("").toAbsolutePath();
    for (StackPart part : StackPart.values()) {
      Optional<ProcessHandle> process = stack.running(part);
      String state =
          stack.isExternal(part) ? "external" : process.isPresent() ? "running" : "stopped";
      table.append(
          String.format(
              ROW,
              part.id(),
              state,
              process.map(p -> Long.toString(p.pid())).orElse("-"),
              address(part),
              stack.isExternal(part) ? "-" : relative(base, stack.home().log(part))));
    }
    return table.toString();
  }

  private String address(StackPart part) {
    return switch (part) {
      case KAFKA -> stack.kafkaBootstrapServers();
      case POSTGRES -> stack.postgres().host() + ":" + stack.postgres().port();
      default -> stack.url(part);
    };
  }

  private static String relative(Path base, Path log) {
    return log.startsWith(base) ? base.relativize(log).toString() : log.toString();
  }
}
