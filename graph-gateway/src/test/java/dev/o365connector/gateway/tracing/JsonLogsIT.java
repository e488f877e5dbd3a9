package dev.o365connector.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.stack.services.InstallFlow;
import dev.o365connector.stack.services.ServiceProcess;
import dev.o365connector.testsupport.services.AuthServiceProcess;
import dev.o365connector.testsupport.services.GatewayProcess;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway as operators run it, with {@code O365_LOG_JSON=true} and {@code
 * O365_OTEL_ENABLED=true}: every line it writes is a JSON object, and a request's line carries the
 * caller's trace, the installation and the calling client.
 */
class JsonLogsIT {

  @Test
  void withJsonLogsEveryLineIsAJsonObjectCarryingTheCorrelationIds() throws IOException {
    Path log = Path.of("target", "graph-gateway-json-logs.log");
    String installation = UUID.randomUUID().toString(); // unknown to auth-service
    String traceId = TracingIT.newTraceId();
    try (ServiceProcess gateway =
        ServiceProcess.start(
            "graph-gateway (JSON logs)",
            Path.of("target", "quarkus-app", "quarkus-run.jar"),
            withJsonLogsAndTracing(),
            log)) {
      String reader =
          new InstallFlow(AuthServiceProcess.shared().url()).platformToken("sync-worker");
      given()
          .header("Authorization", "Bearer " + reader)
          .header("traceparent", "00-" + traceId + "-" + TracingIT.newSpanId() + "-01")
          .get(gateway.url() + "/graph/" + installation + "/v1.0/users")
          .then()
          .statusCode(404); // unknown installation, after auth-service was asked

      JsonObject refused =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      lines(log).stream()
                          .filter(l -> l.getString("message", "").startsWith("Refused GET"))
                          .findFirst()
                          .orElse(null),
                  line -> line != null);
      assertThat(refused.getString("level")).isEqualTo("INFO");
      assertThat(refused.getString("loggerName")).startsWith("dev.o365connector.gateway");
      assertThat(refused.getJsonObject("mdc").getMap())
          .containsEntry("installationId", installation)
          .containsEntry("clientId", "sync-worker")
          .containsEntry("traceId", traceId);
      assertThat(lines(log)).as("start-up lines too").hasSizeGreaterThan(3);
    }
  }

  /**
   * Every complete line of the log as JSON (one still being written is left for the next look);
   * fails on the first that is not a JSON object.
   */
  private static List<JsonObject> lines(Path log) throws IOException {
    String written = Files.readString(log);
    return written
        .substring(0, written.lastIndexOf('\n') + 1)
        .lines()
        .filter(line -> !line.isBlank())
        .map(
            line -> {
              try {
                return new JsonObject(line);
              } catch (DecodeException e) {
                throw new AssertionError("not a JSON line: " + line, e);
              }
            })
        .toList();
  }

  private static Map<String, String> withJsonLogsAndTracing() {
    Map<String, String> env = new HashMap<>(GatewayProcess.environment());
    env.put("O365_LOG_JSON", "true");
    env.put("O365_OTEL_ENABLED", "true");
    return env;
  }
}
