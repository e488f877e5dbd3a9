package dev.o365connector.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} as the Docker builder applies it: patterns in order, the last one that
 * matches a path or one of its parent directories decides, {@code !} re-includes; {@code *} stays
 * within one path segment, {@code **} crosses them.
 */
final class DockerIgnore {

  private record Rule(Pattern pattern, boolean include) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = rules;
  }

  /** The rules of {@code file}; none (everything is sent) when it does not exist. */
  static DockerIgnore read(Path file) {
    List<Rule> rules = new ArrayList<>();
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file)) {
          String pattern = line.strip();
          if (pattern.isEmpty() || pattern.startsWith("#")) {
            continue;
          }
          boolean include = pattern.startsWith("!");
          pattern = include ? pattern.substring(1).strip() : pattern;
          pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
          rules.add(new Rule(Pattern.compile(regex(pattern)), include));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new DockerIgnore(rules);
  }

  /** Whether {@code path} (relative to the build context, with {@code /}) reaches the builder. */
  boolean sends(String path) {
    boolean excluded = false;
    for (Rule rule : rules) {
      if (matchesItOrAParent(rule.pattern(), path)) {
        excluded = !rule.include();
      }
    }
    return !excluded;
  }

  private static boolean matchesItOrAParent(Pattern pattern, String path) {
    String candidate = path;
    while (true) {
      if (pattern.matcher(candidate).matches()) {
        return true;
      }
      int slash = candidate.lastIndexOf('/');
      if (slash < 0) {
        return false;
      }
      candidate = candidate.substring(0, slash);
    }
  }

  private static String regex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
