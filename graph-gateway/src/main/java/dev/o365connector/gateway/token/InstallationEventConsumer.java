package dev.o365connector.gateway.token;

import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.validation.ContractSchema;
import dev.o365connector.contracts.validation.ContractValidator;
import dev.o365connector.contracts.validation.ContractViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Drops an installation's cached token as soon as auth-service announces it is no longer ACTIVE
 * (uninstalled, re-consent needed, failed), instead of serving it until it expires.
 */
@ApplicationScoped
public class InstallationEventConsumer {

  private static final Logger LOG = Logger.getLogger(InstallationEventConsumer.class);

  private final ContractValidator validator;
  private final AccessTokenCache cache;

  InstallationEventConsumer(ContractValidator validator, AccessTokenCache cache) {
    this.validator = validator;
    this.cache = cache;
  }

  @Incoming("installations")
  public void consume(byte[] payload) {
    InstallationEvent event;
    try {
      event =
          validator.readValid(ContractSchema.INSTALLATION_EVENT, payload, InstallationEvent.class);
    } catch (ContractViolationException e) {
      // auth-service owns this topic and its DLQ policy; the gateway only reads it.
      LOG.warnf("Ignored an invalid installation event: %s", e.reason());
      return;
    }
    if (event.status() != InstallationStatus.ACTIVE) {
      cache.evict(event.installationId());
      LOG.debugf(
          "Evicted the token of installation %s (%s)", event.installationId(), event.status());
    }
  }
}
