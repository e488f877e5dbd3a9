package dev.o365connector.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * docker-compose.yml's project run by the Compose that this machine has: {@code docker-compose}
 * (v1, as Debian packages it) when on the PATH, else {@code docker compose} (v2). Both speak to the
 * engine {@code DOCKER_HOST} names.
 */
final class ComposeCommand {

  private final Path repository;
  private final String project;
  private final List<String> compose;

  ComposeCommand(Path repository, String project) {
    this.repository = repository;
    this.project = project;
    this.compose =
        onPath("docker-compose") ? List.of("docker-compose") : List.of("docker", "compose");
  }

  String project() {
    return project;
  }

  /**
   * Runs {@code compose -p PROJECT ARGS...} in the repository; its output, or a failure with it.
   */
  String run(Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>(compose);
    command.add("-p");
    command.add(project);
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(repository.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " took longer than " + timeout);
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new AssertionError("could not run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(":")) {
      if (Path.of(directory, program).toFile().canExecute()) {
        return true;
      }
    }
    return false;
  }
}
