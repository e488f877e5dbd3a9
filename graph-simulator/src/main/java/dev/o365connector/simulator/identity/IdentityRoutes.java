package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.ext.web.Router;

/** The identity platform under {@code /{tenant}/...}: authorize, token, consent, discovery. */
public final class IdentityRoutes {

  private final SimulatorContext context;
  private final IdentityState state;

  public IdentityRoutes(SimulatorContext context) {
    this.context = context;
    this.state = IdentityState.of(context);
  }

  public void register(Router router) {
    TenantResolver resolver = new TenantResolver(context.directory());
    EntraErrors errors = new EntraErrors(context);
    AccessTokens accessTokens = new AccessTokens(context);
    new DiscoveryRoute(context, resolver, errors, accessTokens).register(router);
    new AuthorizeRoute(context, state, resolver, errors).register(router);
    new ConsentPromptRoute(context, state.prompts(), errors).register(router);
    new AdminConsentRoute(context, state, resolver, errors).register(router);
    new TokenRoute(context, state, resolver, errors, accessTokens).register(router);
  }

  /** Codes, refresh tokens ({@code state().refreshTokens().revokeRefreshTokens(...)}), counters. */
  public IdentityState state() {
    return state;
  }

  /** Shortcut for {@code state().refreshTokens()}: the control API revokes sessions here. */
  public RefreshTokens refreshTokens() {
    return state.refreshTokens();
  }
}
