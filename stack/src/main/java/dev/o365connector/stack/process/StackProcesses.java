package dev.o365connector.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts the stack's processes so that they outlive the command that started them, and finds them
 * again by their pid files. A pid file holds the pid and the process's start time, so a pid the
 * system reused for something else is never taken for ours (and never stopped).
 */
public final class StackProcesses {

  private final StackHome home;

  public StackProcesses(StackHome home) {
    this.home = home;
  }

  /** Starts {@code command} in {@code directory} with {@code env} added; output to its log. */
  public ProcessHandle start(
      String id, List<String> command, Map<String, String> env, Path directory) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(home.log(id).toFile()))
            .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(env);
    try {
      ProcessHandle process = builder.start().toHandle();
      Files.writeString(
          home.pidFile(id), process.pid() + " " + startMillis(process).orElse(0L) + "\n");
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + id, e);
    }
  }

  /** The process (a part's id, or an extra one's), if its pid file names one that still runs. */
  public Optional<ProcessHandle> running(String id) {
    Path file = home.pidFile(id);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String[] fields = Files.readString(file).trim().split(" ");
      long started = Long.parseLong(fields[1]);
      return ProcessHandle.of(Long.parseLong(fields[0]))
          .filter(ProcessHandle::isAlive)
          .filter(p -> started == 0 || startMillis(p).map(s -> s == started).orElse(true));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Stops the process and everything it started (the embedded PostgreSQL server's own processes):
   * SIGTERM, then SIGKILL to whatever is left after {@code grace}. True if one ran.
   */
  public boolean stop(String id, Duration grace) {
    Optional<ProcessHandle> process = running(id);
    process.ifPresent(p -> terminate(p, grace));
    try {
      Files.deleteIfExists(home.pidFile(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return process.isPresent();
  }

  /** Kills the process at once (SIGKILL), as a crash would; its children are left. */
  public void kill(String id) {
    running(id)
        .ifPresent(
            p -> {
              p.destroyForcibly();
              p.onExit().join();
            });
  }

  private static void terminate(ProcessHandle process, Duration grace) {
    List<ProcessHandle> family = Stream.concat(Stream.of(process), process.descendants()).toList();
    family.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(grace);
    for (ProcessHandle member : family) {
      while (member.isAlive() && Instant.now().isBefore(deadline)) {
        sleep(Duration.ofMillis(100));
      }
    }
    family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    family.forEach(member -> member.onExit().join());
  }

  private static Optional<Long> startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
