package dev.o365connector.sync.status;

import dev.o365connector.contracts.sync.SyncRequest;
import dev.o365connector.contracts.sync.SyncState;
import dev.o365connector.contracts.sync.SyncStatus;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes run progress to {@code o365.sync.status}, keyed by installation, acked by the broker.
 */
@ApplicationScoped
public class StatusPublisher {

  private final MutinyEmitter<byte[]> emitter;
  private final ContractValidator validator;
  private final Clock clock;

  StatusPublisher(
      @Channel("sync-status") MutinyEmitter<byte[]> emitter,
      ContractValidator validator,
      Clock clock) {
    this.emitter = emitter;
    this.validator = validator;
    this.clock = clock;
  }

  /** ACCEPTED: the request became a run, persisted at {@code acceptedAt}. */
  public Uni<Void> accepted(SyncRequest request, Instant acceptedAt) {
    return publish(
        new SyncStatus(
            request.requestId(),
            request.installationId(),
            SyncState.ACCEPTED,
            Map.of(),
            false,
            null,
            acceptedAt,
            null,
            null,
            clock.instant()));
  }

  /**
   * Sends {@code status}; with tracing on, its record carries the current trace context (the
   * consume span's, or the run's) in a {@code traceparent} header, taken now rather than wherever
   * the Kafka producer happens to send it from.
   */
  public Uni<Void> publish(SyncStatus status) {
    return emitter.sendMessage(
        Message.of(validator.writeValid(ContractSchema.SYNC_STATUS, status))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(status.installationId())
                    .build())
            .addMetadata(TracingMetadata.withCurrent(Context.current())));
  }
}
