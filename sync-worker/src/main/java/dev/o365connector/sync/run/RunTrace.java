package dev.o365connector.sync.run;

import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncState;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * Where a run stands in its request's trace, and what its log lines carry. The trace context that
 * is current when a request is accepted (the consume span, a child of the record's {@code
 * traceparent}) is stored with the run; whichever replica executes the run, at once or after a
 * lease handover, starts the run's span as a child of it. The run works on a Vert.x context of its
 * own holding that span and the MDC keys {@code requestId} and {@code installationId}, so its Graph
 * calls (traced by Quarkus' Vert.x HTTP client instrumentation), status events and log lines belong
 * to the request. With tracing off (the default) nothing is stored and no span is recorded; the log
 * keys remain.
 */
@ApplicationScoped
public class RunTrace {

  static final String SPAN_NAME = "sync run";

  private static final TextMapGetter<Map<String, String>> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final OpenTelemetry telemetry;
  private final Tracer tracer;
  private final Vertx vertx;
  private final boolean off;

  RunTrace(
      OpenTelemetry telemetry,
      Tracer tracer,
      Vertx vertx,
      @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean off) {
    this.telemetry = telemetry;
    this.tracer = tracer;
    this.vertx = vertx;
    this.off = off;
  }

  /** The current trace context as propagation headers ({@code traceparent}...); empty if none. */
  public Map<String, String> current() {
    Map<String, String> headers = new HashMap<>();
    telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
    return headers;
  }

  /**
   * Subscribes to {@code work} on a new Vert.x context that carries the run's span and log keys;
   * completes as the work does, after the span ended.
   */
  public Uni<Void> within(ClaimedRun run, Supplier<Uni<Void>> work) {
    io.vertx.core.Context own = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    return Uni.createFrom()
        .emitter(
            done ->
                own.runOnContext(
                    x -> {
                      MDC.put("requestId", run.request().requestId());
                      MDC.put("installationId", run.request().installationId());
                      Span span = start(run);
                      if (span.getSpanContext().isValid()) {
                        // Current on the run's own context and never detached: that context ends
                        // with the run, and everything the run does continues on it.
                        span.makeCurrent();
                      }
                      Uni.createFrom()
                          .<Void>deferred(work::get)
                          .subscribe()
                          .with(
                              ok -> {
                                span.end();
                                done.complete(null);
                              },
                              failure -> {
                                span.recordException(failure);
                                span.setStatus(StatusCode.ERROR);
                                span.end();
                                done.fail(failure);
                              });
                    }));
  }

  /** Marks the current run's span with how the run ended. */
  public void ended(SyncState state, SyncError error) {
    Span span = Span.current();
    span.setAttribute("o365.sync.state", state.name());
    if (error != null) {
      span.setStatus(StatusCode.ERROR, error.code());
    }
  }

  private Span start(ClaimedRun run) {
    if (off) {
      return Span.getInvalid(); // a disabled SDK would still hand out ids that lead nowhere
    }
    Context parent =
        telemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), run.traceContext(), HEADERS);
    return tracer
        .spanBuilder(SPAN_NAME)
        .setParent(parent)
        .setAttribute("o365.sync.request_id", run.request().requestId())
        .setAttribute("o365.installation_id", run.request().installationId())
        .setAttribute("o365.sync.mode", String.valueOf(run.request().mode()))
        .startSpan();
  }
}
