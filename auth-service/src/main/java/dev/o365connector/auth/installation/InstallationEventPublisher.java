package dev.o365connector.auth.installation;

import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes installation status changes to {@code o365.installations}, keyed by installation. */
@ApplicationScoped
public class InstallationEventPublisher {

  private final MutinyEmitter<byte[]> emitter;
  private final ContractValidator validator;

  InstallationEventPublisher(
      @Channel("installations") MutinyEmitter<byte[]> emitter, ContractValidator validator) {
    this.emitter = emitter;
    this.validator = validator;
  }

  /** Completes once the broker has acknowledged the event, so callers never lose one. */
  public Uni<Void> publish(InstallationEvent event) {
    byte[] payload = validator.writeValid(ContractSchema.INSTALLATION_EVENT, event);
    return emitter.sendMessage(
        Message.of(payload)
            .addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(event.installationId())
                    .build()));
  }
}
