package dev.o365connector.sync.metrics;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.change.ChangeOp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The worker's own metrics: {@code o365_sync_items_total{resource,op}}, {@code
 * o365_sync_pages_total{resource}}, {@code o365_sync_resyncs_total{resource}}, {@code
 * o365_sync_runs_total{outcome}}, {@code o365_sync_rejected_total{reason}} (DLQ records) and {@code
 * o365_sync_seconds_since_success{resource}} (since this replica last finished a round of the
 * resource without error; absent until it did).
 */
@ApplicationScoped
public class SyncMetrics {

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<Resource, Instant> lastSuccess = new EnumMap<>(Resource.class);

  SyncMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  public void page(Resource resource, long upserts, long deletes) {
    registry.counter("o365.sync.pages", "resource", resource.value()).increment();
    items(resource, upserts, deletes);
  }

  /** Changes published besides delta pages (diffed listings, a folder found gone). */
  public void items(Resource resource, long upserts, long deletes) {
    registry
        .counter("o365.sync.items", "resource", resource.value(), "op", ChangeOp.UPSERT.name())
        .increment(upserts);
    registry
        .counter("o365.sync.items", "resource", resource.value(), "op", ChangeOp.DELETE.name())
        .increment(deletes);
  }

  public void resync(Resource resource) {
    registry.counter("o365.sync.resyncs", "resource", resource.value()).increment();
  }

  public void run(String outcome) {
    registry.counter("o365.sync.runs", "outcome", outcome).increment();
  }

  public void rejected(String reason) {
    registry.counter("o365.sync.rejected", "reason", reason).increment();
  }

  public synchronized void succeeded(Resource resource) {
    if (lastSuccess.put(resource, clock.instant()) == null) {
      Gauge.builder("o365.sync.seconds.since.success", this, m -> m.secondsSince(resource))
          .tag("resource", resource.value())
          .description("Seconds since this replica last synced the resource without error")
          .register(registry);
    }
  }

  private synchronized double secondsSince(Resource resource) {
    Instant last = lastSuccess.get(resource);
    return last == null ? Double.NaN : (clock.millis() - last.toEpochMilli()) / 1000.0;
  }
}
