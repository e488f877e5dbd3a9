package dev.o365connector.gateway.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Finished spans kept in memory instead of sent over OTLP: Quarkus exports to every SpanExporter
 * bean. Spans are only recorded where a test turns tracing on ({@link TracingIT}).
 */
public class InMemorySpans {

  @Produces
  @Singleton
  @Unremovable
  InMemorySpanExporter exporter() {
    return InMemorySpanExporter.create();
  }
}
