package dev.o365connector.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Where a stack keeps its state, {@code .devstack/} of the repository by default: a pid file and a
 * log per part, the brokers' and database's data, and the {@code env} file tools read.
 */
public record StackHome(Path root) {

  /** {@code .devstack/} under {@code repository}. */
  public static StackHome of(Path repository) {
    return new StackHome(repository.resolve(".devstack").toAbsolutePath());
  }

  /** The pid file of a process of the stack: a part's id, or e.g. {@code sync-worker-2}. */
  public Path pidFile(String process) {
    return directory("pids").resolve(process + ".pid");
  }

  public Path log(StackPart part) {
    return log(part.id());
  }

  public Path log(String process) {
    return directory("logs").resolve(process + ".log");
  }

  /** The processes with a pid file: the parts that run and any extra instances. */
  public List<String> processes() {
    try (var files = Files.list(directory("pids"))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".pid"))
          .map(name -> name.substring(0, name.length() - ".pid".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data directory of a part that keeps data (the broker's log, the database's cluster). */
  public Path data(StackPart part) {
    return directory("data").resolve(part.id());
  }

  /**
   * Moves a data directory its part cannot use (what an interrupted first start leaves) out of the
   * way, to {@code <directory>.incomplete-<time>}, keeping its content for a look; an absent or
   * empty one stays. Where it went, if it moved.
   */
  static Optional<Path> setAside(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (var entries = Files.list(directory)) {
      if (entries.findAny().isEmpty()) {
        return Optional.empty();
      }
    }
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Optional.of(
        Files.move(
            directory, directory.resolveSibling(directory.getFileName() + ".incomplete-" + time)));
  }

  /** The dotenv file with every URL, port and dev credential of the running stack. */
  public Path envFile() {
    return root.resolve("env");
  }

  private Path directory(String name) {
    Path directory = root.resolve(name);
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }
}
