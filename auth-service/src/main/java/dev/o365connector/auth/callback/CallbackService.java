package dev.o365connector.auth.callback;

import dev.o365connector.auth.consent.ConsentStates;
import dev.o365connector.auth.lifecycle.InstallationRepository;
import dev.o365connector.auth.lifecycle.InstallationTransitions;
import dev.o365connector.auth.lifecycle.SignedInUser;
import dev.o365connector.auth.microsoft.EntraClient;
import dev.o365connector.auth.microsoft.EntraException;
import dev.o365connector.auth.microsoft.EntraTokens;
import dev.o365connector.auth.microsoft.TokenClaims;
import dev.o365connector.auth.token.TokenSet;
import dev.o365connector.auth.token.TokenVault;
import dev.o365connector.contracts.installation.InstallationType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finishes an installation from Entra's redirect. The state is consumed first (a bad one changes
 * nothing); the code exchange or client-credentials grant runs outside any transaction; {@link
 * InstallationTransitions} then writes the outcome, the tokens and the event in one transaction.
 */
@ApplicationScoped
public class CallbackService {

  private static final Logger LOG = Logger.getLogger(CallbackService.class);

  private final ConsentStates states;
  private final InstallationRepository installations;
  private final EntraClient entra;
  private final TokenVault vault;
  private final InstallationTransitions transitions;

  CallbackService(
      ConsentStates states,
      InstallationRepository installations,
      EntraClient entra,
      TokenVault vault,
      InstallationTransitions transitions) {
    this.states = states;
    this.installations = installations;
    this.entra = entra;
    this.vault = vault;
    this.transitions = transitions;
  }

  public Uni<CallbackOutcome> handle(CallbackParams params) {
    if (params.state() == null || params.state().isBlank()) {
      return Uni.createFrom().item(CallbackOutcome.rejectedState());
    }
    return Panache.withTransaction(
            () -> states.redeem(params.state()).call(redeemed -> sameTenant(params, redeemed)))
        .onFailure(OtherTenant.class)
        .recoverWithItem(
            e -> {
              // Rolled back: the state stays redeemable and the installation PENDING, so a
              // tampered link changes nothing and the real admin can still finish.
              LOG.infof("Callback refused: %s (%s)", e.getMessage(), params);
              return null;
            })
        .flatMap(
            redeemed -> {
              if (redeemed == null || !shapeFits(params, redeemed.type())) {
                LOG.infof(
                    "Callback refused: unknown, expired, used or mismatched state (%s)", params);
                return Uni.createFrom().item(CallbackOutcome.rejectedState());
              }
              if (params.isError()) {
                return failed(
                    redeemed.installationId(),
                    "consent failed: " + params.error() + ": " + params.errorDescription());
              }
              return redeemed.type() == InstallationType.DELEGATED
                  ? signIn(params, redeemed)
                  : adminConsent(params, redeemed.installationId());
            });
  }

  private Uni<CallbackOutcome> signIn(CallbackParams params, ConsentStates.RedeemedState redeemed) {
    return entra
        .redeemCode(redeemed.authority(), params.code(), redeemed.codeVerifier())
        .flatMap(
            tokens -> {
              // The id token names the user; without one (no openid granted) the access token does.
              TokenClaims id = tokens.idTokenClaims().orElse(tokens.accessTokenClaims());
              Set<String> granted = new TreeSet<>(tokens.accessTokenClaims().scopes());
              SignedInUser user =
                  new SignedInUser(
                      id.tenantId().orElse(null),
                      id.objectId().orElse(null),
                      id.username().orElse(null));
              return active(redeemed.installationId(), tokens, granted, user);
            })
        .onFailure(EntraException.class)
        .recoverWithUni(
            e -> failed(redeemed.installationId(), "code exchange failed", (EntraException) e));
  }

  /**
   * Fails (rolling the redemption back) when an admin consent comes back for another tenant than
   * the installation's: a tampered or misrouted link.
   */
  private Uni<Void> sameTenant(CallbackParams params, ConsentStates.RedeemedState redeemed) {
    if (redeemed == null
        || redeemed.type() != InstallationType.APPLICATION
        || params.tenant() == null
        || params.isError()) {
      return Uni.createFrom().voidItem();
    }
    return installations
        .findById(redeemed.installationId())
        .flatMap(
            installation ->
                params.tenant().equalsIgnoreCase(installation.tenantId)
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom()
                        .failure(
                            new OtherTenant(
                                "admin consent came back for tenant "
                                    + params.tenant()
                                    + ", not "
                                    + installation.tenantId)));
  }

  /** An admin consent for another tenant than the installation's. */
  private static final class OtherTenant extends RuntimeException {
    OtherTenant(String message) {
      super(message, null, false, false);
    }
  }

  private Uni<CallbackOutcome> adminConsent(CallbackParams params, UUID installationId) {
    return Panache.withSession(() -> installations.findById(installationId))
        .flatMap(
            installation -> {
              return entra
                  .clientCredentials(installation.tenantId)
                  .flatMap(
                      tokens -> {
                        Set<String> roles = new TreeSet<>(tokens.accessTokenClaims().roles());
                        return roles.isEmpty()
                            ? failed(
                                installationId, "admin consent granted no application permissions")
                            : active(installationId, tokens, roles, null);
                      })
                  .onFailure(EntraException.class)
                  .recoverWithUni(
                      e -> failed(installationId, "client credentials failed", (EntraException) e));
            });
  }

  private Uni<CallbackOutcome> failed(UUID installationId, String what, EntraException e) {
    return failed(installationId, what + ": " + e.getMessage());
  }

  private Uni<CallbackOutcome> failed(UUID installationId, String reason) {
    return transitions.fail(installationId, reason).map(CallbackOutcome::of);
  }

  /** ACTIVE, with the tokens stored in the same transaction. */
  private Uni<CallbackOutcome> active(
      UUID installationId, EntraTokens tokens, Set<String> granted, SignedInUser user) {
    return transitions
        .activate(
            installationId,
            granted,
            user,
            () -> vault.store(installationId, TokenSet.of(tokens, granted)))
        .map(CallbackOutcome::of);
  }

  /** A callback's shape must match what its state was issued for. */
  private static boolean shapeFits(CallbackParams params, InstallationType type) {
    if (params.isError()) {
      return true;
    }
    return type == InstallationType.DELEGATED ? params.isSignIn() : params.isAdminConsent();
  }
}
