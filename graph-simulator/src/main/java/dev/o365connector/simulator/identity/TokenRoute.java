package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.http.Responses;
import dev.o365connector.simulator.identity.ClientAuthentication.Client;
import dev.o365connector.simulator.identity.TenantResolver.Authority;
import dev.o365connector.simulator.identity.TenantResolver.Kind;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** {@code POST /{tenant}/oauth2/v2.0/token}: authenticates the client, then runs its grant. */
final class TokenRoute {

  static final String CLIENT_CREDENTIALS = "client_credentials";

  private final SimulatorContext context;
  private final TenantResolver resolver;
  private final EntraErrors errors;
  private final IdentityCounters counters;
  private final ClientAuthentication authentication;
  private final Map<String, TokenGrant> grants;

  TokenRoute(
      SimulatorContext context,
      IdentityState state,
      TenantResolver resolver,
      EntraErrors errors,
      AccessTokens accessTokens) {
    this.context = context;
    this.resolver = resolver;
    this.errors = errors;
    this.counters = state.counters();
    this.authentication = new ClientAuthentication(context.directory());
    DelegatedTokens delegated = new DelegatedTokens(context, accessTokens, state.refreshTokens());
    this.grants =
        Map.of(
            "authorization_code",
            new AuthorizationCodeGrant(state.codes(), delegated),
            "refresh_token",
            new RefreshTokenGrant(state.refreshTokens(), delegated),
            CLIENT_CREDENTIALS,
            new ClientCredentialsGrant(
                context.directory(),
                accessTokens,
                context.config().accessTokenLifetime().toSeconds()));
  }

  void register(Router router) {
    router.post("/:tenant/oauth2/v2.0/token").handler(this::token);
    router.get("/:tenant/oauth2/v2.0/token").handler(this::wrongMethod);
  }

  private void token(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    try {
      Authority authority = resolver.resolve(ctx.pathParam("tenant"));
      if (authority.kind() == Kind.UNKNOWN) {
        throw new EntraException(EntraError.tenantNotFound(authority.segment()));
      }
      String grantType = form.get("grant_type");
      if (grantType == null || grantType.isEmpty()) {
        throw new EntraException(EntraError.missingParameter("grant_type"));
      }
      if (authority.kind() == Kind.CONSUMERS) {
        throw new EntraException(EntraError.consumersNotSupported(form.get("client_id")));
      }
      TokenGrant grant = grants.get(grantType);
      if (grant == null) {
        throw new EntraException(EntraError.unsupportedGrantType(grantType));
      }
      if (grantType.equals(CLIENT_CREDENTIALS) && authority.multiTenant()) {
        throw new EntraException(EntraError.grantTypeNeedsTenant(authority.segment()));
      }
      boolean platform = authority.kind() == Kind.TENANT && resolver.isPlatform(authority.tenant());
      Client client = authentication.authenticate(ctx, form, platform, authority.segment());
      JsonObject body =
          grant.issue(new TokenRequest(authority, client, form, context.clock().instant()));
      counters.increment("token." + grantType);
      ctx.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
      Responses.json(ctx, 200, body);
    } catch (EntraException e) {
      counters.failed(e.error());
      errors.respond(ctx, e.error());
    }
  }

  private void wrongMethod(RoutingContext ctx) {
    EntraError error =
        EntraError.of(
            "invalid_request",
            900561,
            "The endpoint only accepts POST, OPTIONS requests. Received a GET request.");
    counters.failed(error);
    errors.respond(ctx, error);
  }
}
