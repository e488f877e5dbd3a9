package dev.o365connector.gateway.token;

import dev.o365connector.runtime.installation.InstallationEvents;
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

  private final InstallationEvents events;
  private final AccessTokenCache cache;

  InstallationEventConsumer(InstallationEvents events, AccessTokenCache cache) {
    this.events = events;
    this.cache = cache;
  }

  @Incoming("installations")
  public void consume(byte[] payload) {
    events
        .noLongerActive(payload)
        .ifPresent(
            event -> {
              cache.evict(event.installationId());
              LOG.debugf(
                  "Evicted the token of installation %s (%s)",
                  event.installationId(), event.status());
            });
  }
}
