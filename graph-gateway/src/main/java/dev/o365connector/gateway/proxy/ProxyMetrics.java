package dev.o365connector.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's request metrics: {@code o365_gateway_requests_total} by route template, status and
 * outcome (allowed, denied, retried, throttled, failed), {@code o365_gateway_upstream_seconds} (one
 * Graph attempt, to its response headers) and {@code o365_gateway_added_seconds} (the gateway's own
 * share of a request: its total minus Graph's time and deliberate waits).
 */
@ApplicationScoped
public class ProxyMetrics {

  /** Routes not on the catalogue are counted under one tag, so tags stay bounded. */
  public static final String UNMATCHED = "unmatched";

  private final MeterRegistry registry;
  private final Timer added;
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();
  private final Map<String, Timer> upstream = new ConcurrentHashMap<>();

  ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.added =
        Timer.builder("o365.gateway.added")
            .description("Latency the gateway adds to a request")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  /** A caller request answered with Graph's {@code status} (after any retries). */
  public void answered(String route, int status) {
    String outcome;
    if (status == 429 || status == 503 || status == 504) {
      outcome = "throttled";
    } else {
      outcome = status >= 500 ? "failed" : "allowed";
    }
    request(route, status, outcome);
  }

  /** A caller request the gateway answered itself, refusing it or failing to reach Graph. */
  public void refused(String route, int status) {
    String outcome;
    if (status == 429 || status == 503) {
      outcome = "throttled";
    } else {
      outcome = status >= 500 ? "failed" : "denied";
    }
    request(route, status, outcome);
  }

  public void request(String route, int status, String outcome) {
    // Looked up once per combination: building tags for every request costs throughput.
    requests
        .computeIfAbsent(
            route + ' ' + status + ' ' + outcome,
            key ->
                registry.counter(
                    "o365.gateway.requests",
                    "route",
                    route,
                    "status",
                    Integer.toString(status),
                    "outcome",
                    outcome))
        .increment();
  }

  public void upstream(String route, Duration latency) {
    upstream
        .computeIfAbsent(
            route,
            key ->
                Timer.builder("o365.gateway.upstream")
                    .description("Graph's latency for one attempt, to its response headers")
                    .tag("route", route)
                    .register(registry))
        .record(latency);
  }

  public void added(Duration latency) {
    if (!latency.isNegative()) {
      added.record(latency);
    }
  }
}
