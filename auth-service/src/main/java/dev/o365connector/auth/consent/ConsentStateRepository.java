package dev.o365connector.auth.consent;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Consent states by the hash of their value. */
@ApplicationScoped
public class ConsentStateRepository implements PanacheRepositoryBase<ConsentState, byte[]> {

  /**
   * Marks the state used if it is still unused; true only for the one caller that wins, so a
   * replayed or concurrent callback can never use it twice.
   */
  public Uni<Boolean> markUsed(byte[] stateHash, Instant now) {
    return update("usedAt = ?1 where stateHash = ?2 and usedAt is null", now, stateHash)
        .map(updated -> updated == 1);
  }

  /** Forgets every state of an installation (uninstall). */
  public Uni<Long> deleteByInstallation(UUID installationId) {
    return delete("installationId", installationId);
  }
}
