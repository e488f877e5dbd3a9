package dev.o365connector.stack.process;

import dev.o365connector.recipe.TokenKeysets;
import dev.o365connector.stack.infrastructure.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Where a stack keeps its state, {@code .devstack/} of the repository by default: a pid file and a
 * log per part, the brokers' and database's data, and the {@code env} file tools read.
 */
public record StackHome(Path root) {

  /** The variable that puts a stack's state elsewhere, e.g. a benchmark's in a new directory. */
  public static final String HOME_VARIABLE = "DEVSTACK_HOME";

  /** {@code .devstack/} under {@code repository}. */
  public static StackHome of(Path repository) {
    return new StackHome(repository.resolve(".devstack").toAbsolutePath());
  }

  /** {@code DEVSTACK_HOME} when set, else {@code .devstack/} under {@code repository}. */
  public static StackHome configured(Path repository) {
    return Infrastructure.setting(HOME_VARIABLE)
        .map(home -> new StackHome(Path.of(home).toAbsolutePath()))
        .orElseGet(() -> of(repository));
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
   * auth-service's token keyset for this stack, generated on its first use and kept with the data
   * (readable by its owner only): the tokens auth-service stores in the stack's PostgreSQL outlive
   * {@code down}, and a keyset of their own start would leave them unreadable. Deleting {@code
   * data/} to start afresh deletes it with them.
   */
  public String tokenKeyset() {
    Path file = data(StackPart.AUTH_SERVICE).resolve("token-keyset.json");
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(file.getParent());
        Path fresh = Files.createTempFile(file.getParent(), "token-keyset", ".json");
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(fresh, TokenKeysets.fresh());
        try {
          // Renamed, not written, into place: a start cut short leaves no half a keyset.
          Files.move(fresh, file);
        } catch (FileAlreadyExistsException another) {
          Files.delete(fresh); // another start got there first; theirs holds
        }
      }
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the stack's token keyset at " + file, e);
    }
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
