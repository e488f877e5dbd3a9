package dev.o365connector.gateway.token;

import dev.o365connector.contracts.token.InstallationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens by installation, in memory only: a token is never written to disk by the gateway.
 * Entries are served until {@link #EXPIRY_MARGIN} before they expire and dropped as soon as the
 * installation stops being ACTIVE.
 */
@ApplicationScoped
public class AccessTokenCache {

  /** A token this close to expiry could lapse while Graph is still handling the request. */
  static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);

  private final Map<String, InstallationAccess> tokens = new ConcurrentHashMap<>();
  private final Clock clock;

  AccessTokenCache(Clock clock) {
    this.clock = clock;
  }

  /** The cached token of an installation, if it is still usable. */
  public Optional<InstallationAccess> get(String installationId) {
    InstallationAccess token = tokens.get(installationId);
    if (token == null) {
      return Optional.empty();
    }
    if (!token.usableAt(clock.instant(), EXPIRY_MARGIN)) {
      tokens.remove(installationId, token);
      return Optional.empty();
    }
    return Optional.of(token);
  }

  public void put(String installationId, InstallationAccess token) {
    tokens.put(installationId, token);
  }

  /** Forgets an installation's token; the next request fetches a fresh one or is refused. */
  public void evict(String installationId) {
    tokens.remove(installationId);
  }
}
