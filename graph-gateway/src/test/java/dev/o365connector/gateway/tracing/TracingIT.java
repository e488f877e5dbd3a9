package dev.o365connector.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.gateway.Gateway;
import dev.o365connector.testsupport.quarkus.LogRecords;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, a caller's {@code traceparent} reaches auth-service (the token request) and
 * Graph (the simulator journals the header it received), both as children of the gateway's server
 * span; the gateway's log lines carry the trace, the installation and the calling client.
 */
@QuarkusTest
@TestProfile(TracingIT.TracingOn.class)
class TracingIT {

  /** Tracing on, spans exported at once. */
  public static class TracingOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("o365.otel.enabled", "true", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
  }

  private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");

  @Inject InMemorySpanExporter spans;

  @Test
  void theCallersTraceReachesAuthServiceAndGraph() {
    // A new installation: its token is not cached yet, so auth-service is asked for it.
    String installation = Gateway.applicationInstall();
    String traceId = newTraceId();
    String callerSpan = newSpanId();
    Instant before = Instant.now();

    given()
        .header("Authorization", "Bearer " + Gateway.readerToken())
        .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
        .urlEncodingEnabled(false)
        .get("/graph/" + installation + "/v1.0/users?$top=2")
        .then()
        .statusCode(200);

    JsonArray received = Gateway.graphRequestsSince(before);
    JsonObject users =
        received.stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("path").equals("/v1.0/users"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("Graph saw no /users: " + received));
    assertThat(users.getString("traceparent")).startsWith("00-" + traceId + "-");

    SpanData server =
        await().atMost(Duration.ofSeconds(10)).until(() -> server(traceId), s -> s != null);
    assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
    List<SpanData> calls = clientCalls(traceId);
    assertThat(calls)
        .as("the token request to auth-service")
        .anySatisfy(
            call -> {
              assertThat(url(call)).contains("/installations/" + installation + "/access-token");
              assertThat(call.getParentSpanId()).isEqualTo(server.getSpanId());
            });
    assertThat(calls)
        .as("the Graph request, whose span id Graph received as parent")
        .anySatisfy(
            call -> {
              assertThat(url(call)).contains("/v1.0/users");
              assertThat(call.getParentSpanId()).isEqualTo(server.getSpanId());
              assertThat(users.getString("traceparent")).contains(call.getSpanId());
            });
  }

  @Test
  void logLinesOfARequestCarryItsTraceInstallationAndCaller() {
    String installation = UUID.randomUUID().toString(); // unknown to auth-service
    String traceId = newTraceId();

    List<LogRecords.Line> logged;
    try (LogRecords logs = LogRecords.of("dev.o365connector.gateway")) {
      given()
          .header("Authorization", "Bearer " + Gateway.readerToken())
          .header("traceparent", "00-" + traceId + "-" + newSpanId() + "-01")
          .get("/graph/" + installation + "/v1.0/users")
          .then()
          .statusCode(404); // unknown installation, after auth-service was asked
      logged = logs.lines();
    }

    LogRecords.Line refused =
        logged.stream()
            .filter(l -> l.message().startsWith("Refused GET"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no refusal logged: " + logged));
    assertThat(refused.mdc())
        .containsEntry("installationId", installation)
        .containsEntry("clientId", "sync-worker")
        .containsEntry("traceId", traceId);
  }

  private SpanData server(String traceId) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.SERVER)
        .findFirst()
        .orElse(null);
  }

  private List<SpanData> clientCalls(String traceId) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CLIENT)
        .toList();
  }

  private static String url(SpanData span) {
    return String.valueOf(span.getAttributes().get(URL));
  }

  static String newTraceId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  static String newSpanId() {
    return newTraceId().substring(0, 16);
  }
}
