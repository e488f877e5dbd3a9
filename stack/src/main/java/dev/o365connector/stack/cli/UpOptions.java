package dev.o365connector.stack.cli;

import dev.o365connector.stack.process.Stack;
import dev.o365connector.stack.process.StackPart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./devstack up [PART...] [--java-options PART=OPTIONS]...} asks for: which parts (with
 * what they require; all when none is named), and the JVM options of some parts in place of their
 * default heap limit ({@code --java-options sync-worker=} starts it with none at all).
 */
record UpOptions(Set<StackPart> parts, Map<StackPart, List<String>> javaOptions) {

  static final String USAGE = "up [PART...] [--java-options PART=OPTIONS]...";

  static UpOptions parse(List<String> arguments) {
    Set<StackPart> parts = EnumSet.noneOf(StackPart.class);
    Map<StackPart, List<String>> javaOptions = new EnumMap<>(StackPart.class);
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (argument.equals("--java-options") && i + 1 < arguments.size()) {
        String value = arguments.get(++i);
        int equals = value.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException("--java-options takes PART=OPTIONS, not " + value);
        }
        javaOptions.put(
            StackPart.byId(value.substring(0, equals)), split(value.substring(equals + 1)));
      } else if (argument.startsWith("--")) {
        throw new IllegalArgumentException("usage: ./devstack " + USAGE);
      } else {
        parts.add(StackPart.byId(argument));
      }
    }
    return new UpOptions(parts.isEmpty() ? EnumSet.allOf(StackPart.class) : parts, javaOptions);
  }

  /** The stack with these options' JVM options. */
  Stack applyTo(Stack stack) {
    for (Map.Entry<StackPart, List<String>> options : javaOptions.entrySet()) {
      stack = stack.withJavaOptions(options.getKey(), options.getValue());
    }
    return stack;
  }

  private static List<String> split(String options) {
    return new ArrayList<>(
        Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList());
  }
}
