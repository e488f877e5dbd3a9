package dev.o365connector.auth.token;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Stored tokens in auth-service's database; only {@link TokenVault} sees the ciphertext. */
@ApplicationScoped
class StoredTokenRepository implements PanacheRepositoryBase<StoredToken, UUID> {

  /**
   * Moves last_used_at forward, never back, without bumping the version: a use must not make a
   * concurrent token refresh fail its optimistic lock.
   */
  Uni<Integer> touch(UUID installationId, Instant when) {
    return update(
        "lastUsedAt = ?1 where installationId = ?2 and (lastUsedAt is null or lastUsedAt < ?1)",
        when,
        installationId);
  }
}
