package dev.o365connector.auth.token;

import dev.o365connector.auth.config.AuthConfig;
import dev.o365connector.auth.error.ApiProblem;
import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.auth.lifecycle.InstallationRepository;
import dev.o365connector.auth.microsoft.EntraException;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.token.InstallationAccess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands out an installation's access token: the cached one while it has more than the margin to
 * live, else a renewed one (refresh token or client credentials), never two renewals at once.
 */
@ApplicationScoped
public class AccessTokenService {

  private final InstallationRepository installations;
  private final TokenVault vault;
  private final RefreshCoordinator coordinator;
  private final CustomerMustAct customer;
  private final IssuedTokenCache cache;
  private final AuthConfig config;
  private final Clock clock;

  AccessTokenService(
      InstallationRepository installations,
      TokenVault vault,
      RefreshCoordinator coordinator,
      CustomerMustAct customer,
      IssuedTokenCache cache,
      AuthConfig config,
      Clock clock) {
    this.installations = installations;
    this.vault = vault;
    this.coordinator = coordinator;
    this.customer = customer;
    this.cache = cache;
    this.config = config;
    this.clock = clock;
  }

  public Uni<InstallationAccess> issue(UUID installationId, boolean forceRefresh) {
    if (!forceRefresh) {
      Optional<InstallationAccess> cached = cache.get(installationId, config.accessTokenMargin());
      if (cached.isPresent()) {
        return Uni.createFrom().item(cached.get());
      }
    }
    cache.evict(installationId);
    return Panache.withSession(() -> installations.findById(installationId))
        .flatMap(
            installation -> {
              if (installation == null) {
                return Uni.createFrom()
                    .failure(ApiProblem.notFound("Installation " + installationId));
              }
              if (installation.status != InstallationStatus.ACTIVE) {
                return Uni.createFrom().failure(notActive(installation));
              }
              return Panache.withSession(() -> vault.load(installationId))
                  .flatMap(cached -> current(installation, cached, forceRefresh))
                  .map(tokens -> view(installation, tokens))
                  .invoke(view -> cache.put(installationId, view));
            });
  }

  private Uni<TokenSet> current(
      Installation installation, Optional<TokenSet> cached, boolean force) {
    if (!force
        && cached.isPresent()
        && cached
            .get()
            .accessTokenExpiresAt()
            .isAfter(clock.instant().plus(config.accessTokenMargin()))) {
      return Uni.createFrom().item(cached.get());
    }
    String rejected = force ? cached.map(TokenSet::accessToken).orElse(null) : null;
    return coordinator
        .renew(installation, config.accessTokenMargin(), rejected)
        .onFailure(EntraException.class)
        .recoverWithUni(e -> customerMustAct(installation, (EntraException) e));
  }

  /** Reauth-type failures move the installation to REAUTH_REQUIRED and answer 409. */
  private Uni<TokenSet> customerMustAct(Installation installation, EntraException e) {
    if (!CustomerMustAct.applies(e)) {
      return Uni.createFrom()
          .failure(
              new ApiProblem(
                  502,
                  "entra-unavailable",
                  "Entra ID refused or failed",
                  e.kind() + ": " + e.errorCodes()));
    }
    return customer
        .record(installation.id, e)
        .flatMap(fresh -> Uni.createFrom().failure(notActive(fresh)));
  }

  private static ApiProblem notActive(Installation installation) {
    return new ApiProblem(
        409,
        "installation-not-active",
        "Installation not active",
        "Installation "
            + installation.id
            + " is "
            + installation.status
            + (installation.reason == null ? "" : " (" + installation.reason + ")"));
  }

  private static InstallationAccess view(Installation installation, TokenSet tokens) {
    return new InstallationAccess(
        tokens.accessToken(),
        tokens.accessTokenExpiresAt(),
        installation.tenantId,
        installation.type,
        installation.grantedPermissionList(),
        installation.userId);
  }
}
