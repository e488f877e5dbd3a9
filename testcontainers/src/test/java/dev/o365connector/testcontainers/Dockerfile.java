package dev.o365connector.testcontainers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of a Dockerfile that the image tests look at, read as {@code docker build} reads
 * them: comments dropped, {@code \} continuations joined, JSON or shell form.
 */
record Dockerfile(List<Instruction> instructions) {

  private static final Pattern ENV_PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

  /** One instruction: its keyword in upper case and the rest of its line. */
  record Instruction(String keyword, String arguments) {}

  /** A COPY: its {@code --flags}, sources (relative to the build context) and destination. */
  record Copy(Map<String, String> flags, List<String> sources, String destination) {}

  static Dockerfile read(Path file) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    try {
      for (String line : Files.readAllLines(file)) {
        String stripped = line.strip();
        if (pending.length() == 0 && (stripped.isEmpty() || stripped.startsWith("#"))) {
          continue;
        }
        if (stripped.endsWith("\\")) {
          pending.append(stripped, 0, stripped.length() - 1).append(' ');
          continue;
        }
        pending.append(stripped);
        String[] parts = pending.toString().split("\\s+", 2);
        instructions.add(
            new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
        pending.setLength(0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Dockerfile(List.copyOf(instructions));
  }

  List<String> all(String keyword) {
    return instructions.stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  /** The last value of an instruction, as Docker applies it; null when absent. */
  String last(String keyword) {
    List<String> values = all(keyword);
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  List<Copy> copies() {
    List<Copy> copies = new ArrayList<>();
    for (String arguments : all("COPY")) {
      Map<String, String> flags = new LinkedHashMap<>();
      List<String> words = new ArrayList<>(Arrays.asList(arguments.split("\\s+")));
      while (!words.isEmpty() && words.get(0).startsWith("--")) {
        String[] flag = words.remove(0).substring(2).split("=", 2);
        flags.put(flag[0], flag.length > 1 ? flag[1] : "");
      }
      String destination = words.remove(words.size() - 1);
      copies.add(new Copy(flags, List.copyOf(words), destination));
    }
    return copies;
  }

  /**
   * The base image a plain {@code docker build} uses: {@code FROM}, with an {@code ${ARG}} in it
   * replaced by that build argument's default.
   */
  String baseImage() {
    String from = last("FROM");
    for (String arguments : all("ARG")) {
      String[] declaration = arguments.split("=", 2);
      if (declaration.length == 2) {
        from = from.replace("${" + declaration[0] + "}", declaration[1]);
      }
    }
    return from;
  }

  /** Every ENV variable, later ones winning. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String arguments : all("ENV")) {
      Matcher pair = ENV_PAIR.matcher(arguments);
      while (pair.find()) {
        String value = pair.group(2);
        env.put(
            pair.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
      }
    }
    return env;
  }

  /** CMD or ENTRYPOINT in JSON (exec) form, as a list; the shell form is not used here. */
  List<String> execForm(String keyword) {
    String value = last(keyword);
    if (value == null) {
      return List.of();
    }
    try {
      return new ObjectMapper().readValue(value, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException(keyword + " is not in exec form: " + value, e);
    }
  }
}
