package dev.o365connector.devstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a stack keeps its state, {@code .devstack/} of the repository by default: a pid file and a
 * log per part, the brokers' and database's data, and the {@code env} file tools read.
 */
public record StackHome(Path root) {

  /** {@code .devstack/} under {@code repository}. */
  public static StackHome of(Path repository) {
    return new StackHome(repository.resolve(".devstack").toAbsolutePath());
  }

  public Path pidFile(StackPart part) {
    return directory("pids").resolve(part.id() + ".pid");
  }

  public Path log(StackPart part) {
    return directory("logs").resolve(part.id() + ".log");
  }

  /** The data directory of a part that keeps data (the broker's log, the database's cluster). */
  public Path data(StackPart part) {
    return directory("data").resolve(part.id());
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
