package dev.o365connector.auth.lifecycle;

import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * How a status change announces itself: {@link #enqueue} writes the event in the change's own
 * transaction, so it exists exactly when the change commits; {@link OutboxRelay} then sends it to
 * {@code o365.installations}. A Kafka outage delays events instead of failing the request. Only
 * {@link InstallationTransitions} enqueues, which is why this is package-private.
 */
@ApplicationScoped
class InstallationOutbox {

  private final OutboxEntryRepository entries;
  private final OutboxRelay relay;
  private final ContractValidator validator;
  private final Clock clock;

  InstallationOutbox(
      OutboxEntryRepository entries, OutboxRelay relay, ContractValidator validator, Clock clock) {
    this.entries = entries;
    this.relay = relay;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Adds {@code event}, validated against its schema, to the outbox; call it inside the transaction
   * of the status change it announces, after flushing the change: the installation's row lock then
   * orders its outbox rows as its changes commit.
   */
  Uni<Void> enqueue(InstallationEvent event) {
    // A contract violation fails the Uni, and with it the transaction, rather than throwing.
    return Uni.createFrom().item(() -> entry(event)).flatMap(entries::persist).replaceWithVoid();
  }

  /**
   * Call once the transaction that enqueued has committed: the relay sends now rather than at its
   * next scheduled pass. Returns at once.
   */
  void relaySoon() {
    relay.nudge();
  }

  private OutboxEntry entry(InstallationEvent event) {
    OutboxEntry entry = new OutboxEntry();
    entry.installationId = UUID.fromString(event.installationId());
    entry.payload =
        new String(
            validator.writeValid(ContractSchema.INSTALLATION_EVENT, event), StandardCharsets.UTF_8);
    entry.createdAt = clock.instant();
    return entry;
  }
}
