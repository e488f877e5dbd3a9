package dev.o365connector.auth.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox's meters: {@code o365_auth_outbox_pending} and {@code
 * o365_auth_outbox_oldest_age_seconds} (counted at each relay pass, so a scrape never queries),
 * {@code o365_auth_outbox_relayed_total} and {@code o365_auth_outbox_failures_total}.
 */
@Startup
@ApplicationScoped
class OutboxMetrics {

  private final AtomicLong pending = new AtomicLong();
  private final AtomicReference<Instant> oldest = new AtomicReference<>();
  private final Counter relayed;
  private final Counter failures;
  private final Clock clock;

  OutboxMetrics(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    Gauge.builder("o365.auth.outbox.pending", pending, AtomicLong::get)
        .description("Installation events waiting in the outbox for Kafka")
        .register(registry);
    Gauge.builder("o365.auth.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
        .description("How long the oldest waiting installation event has waited; 0 when none")
        .baseUnit("seconds")
        .register(registry);
    this.relayed =
        Counter.builder("o365.auth.outbox.relayed")
            .description("Installation events sent from the outbox and acknowledged by Kafka")
            .register(registry);
    this.failures =
        Counter.builder("o365.auth.outbox.failures")
            .description("Relay passes cut short by Kafka or the database; the events stay")
            .register(registry);
  }

  void relayed(int count) {
    relayed.increment(count);
  }

  void failed() {
    failures.increment();
  }

  void backlog(long count, Instant since) {
    pending.set(count);
    oldest.set(since);
  }

  private double oldestAgeSeconds() {
    Instant since = oldest.get();
    return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
  }
}
