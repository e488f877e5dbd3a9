package dev.o365connector.stack.process;

import dev.o365connector.stack.postgres.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** When a part of the stack is ready to be used, and whether its port is free to start it on. */
final class StackReadiness {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Stack stack;

  StackReadiness(Stack stack) {
    this.stack = stack;
  }

  /** Waits until {@code part} answers as ready; fails if its process exits or time runs out. */
  void await(StackPart part, ProcessHandle process) {
    await(part.id(), () -> isReady(part), process);
  }

  /** Waits until an extra service instance's {@code readyUrl} answers 200. */
  void awaitReady(String id, String readyUrl, ProcessHandle process) {
    await(id, () -> answers200(readyUrl), process);
  }

  private void await(String id, BooleanSupplier ready, ProcessHandle process) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            id + " exited during start-up; see " + stack.home().log(id));
      }
      if (ready.getAsBoolean()) {
        return;
      }
      StackProcesses.sleep(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        id + " was not ready within " + TIMEOUT + "; see " + stack.home().log(id));
  }

  /** Whether the part answers as a client would use it. */
  boolean isReady(StackPart part) {
    return switch (part) {
      case KAFKA -> kafkaAnswers();
      case POSTGRES -> postgresAnswers();
      case SIMULATOR -> answers200(stack.url(part) + "/_sim/info");
      default -> answers200(stack.url(part) + "/q/health/ready");
    };
  }

  void requirePortFree(StackPart part) {
    try (ServerSocket socket = new ServerSocket(stack.port(part))) {
      socket.setReuseAddress(true);
    } catch (IOException taken) {
      String variable = "DEVSTACK_" + part.id().toUpperCase().replace('-', '_') + "_PORT";
      throw new IllegalStateException(
          "port "
              + stack.port(part)
              + " for "
              + part.id()
              + " is taken by another process; stop it or choose another port with "
              + variable);
    }
  }

  private boolean kafkaAnswers() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception notYet) {
      return false;
    }
  }

  private boolean postgresAnswers() {
    PostgresServer server = stack.postgres();
    try (var connection =
        DriverManager.getConnection(
            server.jdbcUrl("postgres") + "?connectTimeout=2", server.user(), server.password())) {
      return connection.isValid(2);
    } catch (SQLException notYet) {
      return false;
    }
  }

  private static boolean answers200(String url) {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
