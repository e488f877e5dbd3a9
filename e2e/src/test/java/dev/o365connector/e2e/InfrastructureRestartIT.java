package dev.o365connector.e2e;

import static dev.o365connector.contracts.Resource.FILES;
import static dev.o365connector.contracts.Resource.MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.Resource;
import dev.o365connector.stack.process.Stack;
import dev.o365connector.stack.process.StackPart;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka, then PostgreSQL, stopped in the middle of a sync and started again a few seconds later:
 * the run completes (or is resumed) on its own, nothing is lost, and no service needs a restart.
 * Graph answers are slowed down so that the run is surely under way when the server goes.
 */
class InfrastructureRestartIT {

  private static final Duration OUTAGE = Duration.ofSeconds(5);

  private final Platform platform = new Platform(WholeSystem.shared());
  private final Stack stack = platform.system().stack();
  private String slowGraph;

  @Test
  void theBrokerGoesAwayMidSyncAndComesBack() {
    outageMidSync(StackPart.KAFKA);
  }

  @Test
  void theDatabaseGoesAwayMidSyncAndComesBack() {
    outageMidSync(StackPart.POSTGRES);
  }

  private void outageMidSync(StackPart server) {
    String installation = platform.installApplication();
    slowGraph =
        platform
            .tenant()
            .addFault(new JsonObject().put("pathRegex", "/delta").put("latencyMs", 400));
    String requestId = platform.sync(installation, "FULL", MAIL, FILES);
    platform
        .traffic()
        .status(
            requestId::equals,
            status -> "RUNNING".equals(status.getString("state")),
            Duration.ofSeconds(60),
            status -> {})
        .orElseThrow(() -> new AssertionError("the run never started"));

    stack.stop(server);
    long stopped = System.nanoTime();
    sleep(OUTAGE);
    stack.start(server, line -> System.out.println("[stack] " + line));
    long restarted = System.nanoTime();

    JsonObject status = platform.succeeded(requestId);
    double recovered = (System.nanoTime() - restarted) / 1e9;
    for (Resource resource : new Resource[] {MAIL, FILES}) {
      assertThat(platform.live(resource, installation))
          .as(resource.value())
          .isEqualTo(platform.truth(resource));
    }
    System.out.printf(
        "[measured] %s down %.1f s mid-sync: run %s SUCCEEDED %.1f s after the restart (%s);"
            + " lost 0 (mail and files equal the ground truth); no service restarted%n",
        server.id(),
        (restarted - stopped) / 1e9,
        requestId,
        recovered,
        status.getJsonObject("counts").encode());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void graphAtFullSpeed() {
    if (slowGraph != null) {
      platform.tenant().removeFault(slowGraph);
    }
  }
}
