package dev.o365connector.runtime.installation;

import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import dev.o365connector.contracts.validation.ContractViolationException;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads records of {@code o365.installations} for a service's own consumer. auth-service owns the
 * topic and its dead-letter policy, so a record that breaks the contract is logged and skipped,
 * never a reason to stop reading. The {@code @Incoming} method stays in the service, which decides
 * what an event means to it.
 */
@Singleton
public class InstallationEvents {

  private static final Logger LOG = Logger.getLogger(InstallationEvents.class);

  private final ContractValidator validator;

  public InstallationEvents(ContractValidator validator) {
    this.validator = validator;
  }

  /** The event in {@code payload}; empty, after a warning, when it is not a valid one. */
  public Optional<InstallationEvent> read(byte[] payload) {
    try {
      return Optional.of(
          validator.readValid(ContractSchema.INSTALLATION_EVENT, payload, InstallationEvent.class));
    } catch (ContractViolationException e) {
      LOG.warnf("Ignored an invalid installation event: %s", e.reason());
      return Optional.empty();
    }
  }

  /**
   * The event in {@code payload} if it says its installation is no longer ACTIVE (uninstalled,
   * re-consent needed, failed): what every copy of an installation's token must be dropped for.
   */
  public Optional<InstallationEvent> noLongerActive(byte[] payload) {
    return read(payload).filter(event -> event.status() != InstallationStatus.ACTIVE);
  }
}
