package dev.o365connector.auth.token;

import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.auth.microsoft.EntraClient;
import dev.o365connector.auth.microsoft.EntraTokens;
import dev.o365connector.contracts.installation.InstallationType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renews an installation's access token with at most one upstream grant at a time, however many
 * requests and replicas ask: requests in this process share one renewal, and replicas serialise on
 * a PostgreSQL advisory lock, re-reading the stored token once they hold it, so whoever comes
 * second finds the renewed token instead of renewing again.
 */
@ApplicationScoped
public class RefreshCoordinator {

  private final Map<UUID, Uni<TokenSet>> inFlight = new ConcurrentHashMap<>();
  private final TokenVault vault;
  private final EntraClient entra;
  private final Clock clock;
  private final MeterRegistry registry;

  RefreshCoordinator(TokenVault vault, EntraClient entra, Clock clock, MeterRegistry registry) {
    this.vault = vault;
    this.entra = entra;
    this.clock = clock;
    this.registry = registry;
  }

  /**
   * A token valid for at least {@code margin}. {@code rejected}, when set, is a token the caller
   * saw refused: a stored token equal to it is renewed even if it has not expired.
   */
  public Uni<TokenSet> renew(Installation installation, Duration margin, String rejected) {
    UUID id = installation.id;
    return inFlight.computeIfAbsent(
        id,
        key -> {
          Timer.Sample sample = Timer.start(registry);
          return renewUnderLock(installation, margin, rejected)
              .onTermination()
              .invoke(
                  (tokens, failure, cancelled) -> {
                    inFlight.remove(key);
                    sample.stop(
                        Timer.builder("o365.auth.token.renewal")
                            .description(
                                "Renewing an access token, lock wait and Entra grant included")
                            .tag("type", installation.type.name())
                            .tag("outcome", failure == null ? "success" : "failure")
                            .register(registry));
                  })
              .memoize()
              .indefinitely();
        });
  }

  private Uni<TokenSet> renewUnderLock(
      Installation installation, Duration margin, String rejected) {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .flatMap(
                    session ->
                        session
                            .createNativeQuery(
                                "select pg_advisory_xact_lock(hashtextextended(:id, 0))")
                            .setParameter("id", installation.id.toString())
                            .getSingleResult())
                .flatMap(locked -> vault.load(installation.id))
                .flatMap(
                    stored ->
                        stillGood(stored, margin, rejected)
                            ? Uni.createFrom().item(stored.get())
                            : grant(installation, stored)
                                .flatMap(
                                    tokens ->
                                        vault.store(installation.id, tokens).replaceWith(tokens))));
  }

  private boolean stillGood(Optional<TokenSet> stored, Duration margin, String rejected) {
    return stored.isPresent()
        && !stored.get().accessToken().equals(rejected)
        && stored.get().accessTokenExpiresAt().isAfter(clock.instant().plus(margin));
  }

  private Uni<TokenSet> grant(Installation installation, Optional<TokenSet> stored) {
    Uni<EntraTokens> response =
        installation.type == InstallationType.APPLICATION
            ? entra.clientCredentials(installation.tenantId)
            : entra.refresh(
                installation.tenantId,
                stored
                    .map(TokenSet::refreshToken)
                    .orElseThrow(() -> new IllegalStateException("no refresh token stored")));
    return response.map(
        tokens ->
            TokenSet.of(
                tokens,
                installation.type == InstallationType.APPLICATION
                    ? tokens.accessTokenClaims().roles()
                    : stored.map(TokenSet::grantedScopes).orElse(List.of())));
  }
}
