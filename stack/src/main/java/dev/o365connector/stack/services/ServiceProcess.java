package dev.o365connector.stack.services;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One of our services started from its packaged fast-jar as a process of its own, the way it runs
 * in production: configured by environment variables only, ready once {@code /q/health/ready}
 * answers 200. Tests use it where the service itself, not an imitation, must answer.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final Process process;
  private final String url;
  private final Path log;

  private ServiceProcess(String name, Process process, String url, Path log) {
    this.name = name;
    this.process = process;
    this.url = url;
    this.log = log;
  }

  /**
   * Starts {@code jar} on a free port with {@code env} added to this JVM's environment and waits
   * until it is ready; its output goes to {@code log}.
   */
  public static ServiceProcess start(String name, Path jar, Map<String, String> env, Path log) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name
              + " is not packaged at "
              + jar.toAbsolutePath()
              + ": run ./mvnw -B verify (or install)");
    }
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(List.of("java", "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    try {
      Process process = builder.start();
      ServiceProcess service = new ServiceProcess(name, process, "http://localhost:" + port, log);
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      service.awaitReady();
      return service;
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
  }

  /** Base URL, e.g. {@code http://localhost:41234}. */
  public String url() {
    return url;
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    process.destroy();
  }

  /** Kills the process at once (SIGKILL), as a crash or an OOM kill would, and waits for it. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up; see " + log);
      }
      try {
        if (isReady(client, ready)) {
          return;
        }
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        name + " was not ready within " + READY_TIMEOUT + "; see " + log);
  }

  private static boolean isReady(HttpClient client, HttpRequest ready) throws InterruptedException {
    try {
      return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false; // still starting
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
