package dev.o365connector.auth.token;

import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import dev.o365connector.contracts.validation.ContractViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Evicts a cached token as soon as any replica announces its installation is no longer ACTIVE
 * (uninstalled, re-consent needed), so no replica keeps handing it out.
 */
@ApplicationScoped
public class InstallationChangeConsumer {

  private static final Logger LOG = Logger.getLogger(InstallationChangeConsumer.class);

  private final ContractValidator validator;
  private final IssuedTokenCache cache;

  InstallationChangeConsumer(ContractValidator validator, IssuedTokenCache cache) {
    this.validator = validator;
    this.cache = cache;
  }

  @Incoming("installation-changes")
  public void consume(byte[] payload) {
    try {
      InstallationEvent event =
          validator.readValid(ContractSchema.INSTALLATION_EVENT, payload, InstallationEvent.class);
      if (event.status() != InstallationStatus.ACTIVE) {
        cache.evict(UUID.fromString(event.installationId()));
      }
    } catch (ContractViolationException | IllegalArgumentException e) {
      LOG.warnf("Ignored an unreadable installation event: %s", e.getMessage());
    }
  }
}
