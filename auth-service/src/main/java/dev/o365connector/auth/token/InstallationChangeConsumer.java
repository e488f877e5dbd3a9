package dev.o365connector.auth.token;

import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.runtime.installation.InstallationEvents;
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

  private final InstallationEvents events;
  private final IssuedTokenCache cache;

  InstallationChangeConsumer(InstallationEvents events, IssuedTokenCache cache) {
    this.events = events;
    this.cache = cache;
  }

  @Incoming("installation-changes")
  public void consume(byte[] payload) {
    events.noLongerActive(payload).ifPresent(this::evict);
  }

  private void evict(InstallationEvent event) {
    UUID id;
    try {
      id = UUID.fromString(event.installationId());
    } catch (IllegalArgumentException notOurs) {
      // Not an id this service issued, so nothing of it is cached.
      LOG.warnf("Ignored an unreadable installation event: %s", notOurs.getMessage());
      return;
    }
    cache.evict(id);
  }
}
