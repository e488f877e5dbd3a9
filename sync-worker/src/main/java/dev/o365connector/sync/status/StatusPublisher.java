package dev.o365connector.sync.status;

import dev.o365connector.contracts.sync.SyncStatus;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes run progress to {@code o365.sync.status}, keyed by installation, acked by the broker.
 */
@ApplicationScoped
public class StatusPublisher {

  private final MutinyEmitter<byte[]> emitter;
  private final ContractValidator validator;

  StatusPublisher(
      @Channel("sync-status") MutinyEmitter<byte[]> emitter, ContractValidator validator) {
    this.emitter = emitter;
    this.validator = validator;
  }

  public Uni<Void> publish(SyncStatus status) {
    return emitter.sendMessage(
        Message.of(validator.writeValid(ContractSchema.SYNC_STATUS, status))
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(status.installationId())
                    .build()));
  }
}
