package dev.o365connector.gateway.token;

import dev.o365connector.contracts.token.InstallationAccess;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An installation's access, from the cache or (once per installation, however many requests miss at
 * the same time) from auth-service.
 */
@ApplicationScoped
public class InstallationTokens {

  private final AccessTokenCache cache;
  private final AuthServiceClient authService;
  private final Map<String, Uni<InstallationAccess>> inFlight = new ConcurrentHashMap<>();

  InstallationTokens(AccessTokenCache cache, AuthServiceClient authService) {
    this.cache = cache;
    this.authService = authService;
  }

  /** The installation's usable access: cached, else fetched. */
  public Uni<InstallationAccess> current(String installationId) {
    Optional<InstallationAccess> cached = cache.get(installationId);
    if (cached.isPresent()) {
      return Uni.createFrom().item(cached.get());
    }
    return fetch(installationId, false);
  }

  /**
   * A token other than {@code rejected} (which Graph answered 401 to): another request's renewal if
   * one already replaced it, else a forced refresh at auth-service.
   */
  public Uni<InstallationAccess> replace(String installationId, InstallationAccess rejected) {
    Optional<InstallationAccess> cached = cache.get(installationId);
    if (cached.isPresent() && !cached.get().accessToken().equals(rejected.accessToken())) {
      return Uni.createFrom().item(cached.get());
    }
    cache.evict(installationId);
    return fetch(installationId, true);
  }

  private Uni<InstallationAccess> fetch(String installationId, boolean forceRefresh) {
    return inFlight.computeIfAbsent(
        installationId,
        id ->
            authService
                .issue(id, forceRefresh)
                .invoke(access -> cache.put(id, access))
                .onTermination()
                .invoke(() -> inFlight.remove(id))
                .memoize()
                .indefinitely());
  }
}
