package dev.o365connector.sync.status;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.sync.ResourceCounts;
import dev.o365connector.contracts.sync.SyncError;
import dev.o365connector.contracts.sync.SyncRequest;
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
 * Publishes run progress to {@code o365.sync.status}, keyed by installation, acked by the broker;
 * the statuses themselves are made by {@link SyncStatuses}.
 */
@ApplicationScoped
public class StatusPublisher {

  private final MutinyEmitter<byte[]> emitter;
  private final ContractValidator validator;
  private final SyncStatuses statuses;

  StatusPublisher(
      @Channel("sync-status") MutinyEmitter<byte[]> emitter,
      ContractValidator validator,
      Clock clock) {
    this.emitter = emitter;
    this.validator = validator;
    this.statuses = new SyncStatuses(clock);
  }

  /** ACCEPTED: the request became a run, persisted at {@code acceptedAt}. */
  public Uni<Void> accepted(SyncRequest request, Instant acceptedAt) {
    return publish(statuses.accepted(request.requestId(), request.installationId(), acceptedAt));
  }

  /** REJECTED: the request will never run. */
  public Uni<Void> rejected(String requestId, String installationId, SyncError error) {
    return publish(statuses.rejected(requestId, installationId, error));
  }

  /** RUNNING, with the counts so far. */
  public Uni<Void> running(RunRef run, Map<Resource, ResourceCounts> counts) {
    return publish(statuses.running(run, counts));
  }

  /** SUCCEEDED, or FAILED with {@code error}. */
  public Uni<Void> ended(
      RunRef run, Map<Resource, ResourceCounts> counts, boolean resync, SyncError error) {
    return publish(statuses.ended(run, counts, resync, error));
  }

  /**
   * Sends {@code status}; with tracing on, its record carries the current trace context (the
   * consume span's, or the run's) in a {@code traceparent} header, taken now rather than wherever
   * the Kafka producer happens to send it from.
   */
  private Uni<Void> publish(SyncStatus status) {
    return emitter.sendMessage(
        Message.of(validator.writeValid(ContractSchema.SYNC_STATUS, status))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(status.installationId())
                    .build())
            .addMetadata(TracingMetadata.withCurrent(Context.current())));
  }
}
