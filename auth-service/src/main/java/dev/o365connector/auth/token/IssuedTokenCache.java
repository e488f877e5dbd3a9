package dev.o365connector.auth.token;

import dev.o365connector.contracts.token.InstallationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens this replica handed out, in memory, so the hot path needs no database round trip.
 * An entry lives until the token is within the margin of expiry, and goes as soon as its
 * installation stops being ACTIVE here or (through {@code o365.installations}) on any replica.
 */
@ApplicationScoped
public class IssuedTokenCache {

  private final Map<UUID, InstallationAccess> views = new ConcurrentHashMap<>();
  private final Clock clock;

  IssuedTokenCache(Clock clock) {
    this.clock = clock;
  }

  public Optional<InstallationAccess> get(UUID installationId, Duration margin) {
    InstallationAccess view = views.get(installationId);
    if (view == null || !view.expiresAt().isAfter(clock.instant().plus(margin))) {
      return Optional.empty();
    }
    return Optional.of(view);
  }

  public void put(UUID installationId, InstallationAccess view) {
    views.put(installationId, view);
  }

  public void evict(UUID installationId) {
    views.remove(installationId);
  }
}
