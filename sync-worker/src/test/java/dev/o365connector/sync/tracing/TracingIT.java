package dev.o365connector.sync.tracing;

import static dev.o365connector.contracts.Resource.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.o365connector.contracts.Topics;
import dev.o365connector.sync.Syncs;
import dev.o365connector.sync.installation.known.KnownInstallations;
import dev.o365connector.sync.run.SyncRun;
import dev.o365connector.sync.run.SyncRunRepository;
import dev.o365connector.testsupport.kafka.KafkaTestClient;
import dev.o365connector.testsupport.quarkus.LogRecords;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, a sync request's {@code traceparent} reaches everything its run does: the
 * consume span is the record's child, the run's span (started from the trace context stored with
 * the run) the consume span's, every Graph call through the gateway the run's, and every status
 * event carries the trace on; the run's log lines carry its ids.
 */
@QuarkusTest
@TestProfile(TracingIT.TracingOn.class)
class TracingIT {

  /** Tracing on, spans exported at once, small pages so that a run reads several. */
  public static class TracingOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "o365.otel.enabled", "true",
          "quarkus.otel.bsp.schedule.delay", "50ms",
          "o365.sync.page-size", "5");
    }
  }

  private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> REQUEST_ID =
      AttributeKey.stringKey("o365.sync.request_id");

  @Inject KnownInstallations installations;
  @Inject InMemorySpanExporter spans;
  @Inject SyncRunRepository runs;

  private final Syncs syncs = new Syncs();
  private final KafkaTestClient kafka = KafkaTestClient.shared();

  @Test
  void aRequestsTraceReachesItsRunTheGraphCallsAndTheStatusEvents() throws Throwable {
    String installation = syncs.applicationInstall(installations);
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String callerSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String requestId = "traced-" + UUID.randomUUID();

    JsonObject status;
    List<LogRecords.Line> logged;
    try (LogRecords logs = LogRecords.of("dev.o365connector.sync")) {
      kafka.send(
          Topics.SYNC_REQUESTS,
          installation,
          new JsonObject()
              .put("requestId", requestId)
              .put("installationId", installation)
              .put("resources", new JsonArray().add("users"))
              .put("mode", "FULL")
              .encode(),
          new RecordHeader(
              "traceparent",
              ("00-" + traceId + "-" + callerSpan + "-01").getBytes(StandardCharsets.UTF_8)));
      status = syncs.finalStatus(requestId);
      logged = logs.lines();
    }
    assertThat(status.getString("state")).as(status.encode()).isEqualTo("SUCCEEDED");
    long graphRequests =
        status.getJsonObject("counts").getJsonObject(USERS.value()).getLong("graphRequests");
    assertThat(graphRequests).as("pages of 5 users").isGreaterThan(1);

    // The consume span continues the caller's trace; the run's span continues the consume span.
    SpanData run =
        await()
            .atMost(Syncs.WAIT)
            .until(
                () ->
                    ofTrace(traceId).stream()
                        .filter(s -> requestId.equals(s.getAttributes().get(REQUEST_ID)))
                        .findFirst(),
                Optional::isPresent)
            .get();
    List<SpanData> trace = ofTrace(traceId);
    SpanData consume =
        trace.stream()
            .filter(s -> s.getKind() == SpanKind.CONSUMER)
            .filter(s -> Topics.SYNC_REQUESTS.equals(s.getAttributes().get(DESTINATION)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no consume span in " + names(trace)));
    assertThat(consume.getParentSpanId()).isEqualTo(callerSpan);
    assertThat(run.getName()).isEqualTo("sync run");
    assertThat(run.getParentSpanId()).isEqualTo(consume.getSpanId());

    // Every Graph request of the run went out as a child of the run's span, none elsewhere.
    String users = "/graph/" + installation + "/v1.0/users";
    List<SpanData> graphCalls =
        finished().stream()
            .filter(s -> s.getKind() == SpanKind.CLIENT)
            .filter(s -> String.valueOf(s.getAttributes().get(URL)).contains(users))
            .filter(s -> s.getTraceId().equals(traceId))
            .toList();
    assertThat(graphCalls).hasSize((int) graphRequests);
    assertThat(graphCalls)
        .allSatisfy(call -> assertThat(call.getParentSpanId()).isEqualTo(run.getSpanId()));

    // The run keeps its trace for whichever replica executes it.
    SyncRun stored =
        VertxContextSupport.subscribeAndAwait(
            () -> Panache.withSession(() -> runs.findById(requestId)));
    assertThat(stored.traceContext).contains(traceId);

    // Status events carry the trace on to their consumers.
    List<ConsumerRecord<String, String>> statuses =
        kafka.readAll(
            Topics.SYNC_STATUS,
            r -> requestId.equals(new JsonObject(r.value()).getString("requestId")));
    assertThat(statuses)
        .extracting(r -> new JsonObject(r.value()).getString("state"))
        .contains("ACCEPTED", "RUNNING", "SUCCEEDED");
    assertThat(statuses)
        .allSatisfy(r -> assertThat(Syncs.header(r, "traceparent")).contains(traceId));

    // The run's log lines say which run and which trace they belong to.
    LogRecords.Line claimed =
        logged.stream()
            .filter(l -> l.message().startsWith("Claimed run " + requestId))
            .findFirst()
            .orElseThrow();
    assertThat(claimed.mdc())
        .containsEntry("requestId", requestId)
        .containsEntry("installationId", installation)
        .containsEntry("traceId", traceId);
  }

  private List<SpanData> finished() {
    return spans.getFinishedSpanItems();
  }

  private List<SpanData> ofTrace(String traceId) {
    return finished().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
  }

  private static List<String> names(List<SpanData> spans) {
    return spans.stream().map(s -> s.getKind() + " " + s.getName()).toList();
  }
}
