package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.identity.RefreshTokens.Grant;
import dev.o365connector.simulator.identity.RefreshTokens.Use;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code grant_type=refresh_token}: a new access and refresh token; the presented refresh token
 * stays valid, as with Entra. {@code scope} may narrow, never widen, what was consented.
 */
final class RefreshTokenGrant implements TokenGrant {

  private final RefreshTokens refreshTokens;
  private final DelegatedTokens tokens;

  RefreshTokenGrant(RefreshTokens refreshTokens, DelegatedTokens tokens) {
    this.refreshTokens = refreshTokens;
    this.tokens = tokens;
  }

  @Override
  public JsonObject issue(TokenRequest request) {
    String token = request.required("refresh_token");
    Use use = refreshTokens.use(token, request.clientId(), request.now());
    Grant grant = use.grant();
    switch (use.status()) {
      case UNKNOWN -> throw new EntraException(GrantErrors.malformed());
      case OTHER_CLIENT -> throw new EntraException(GrantErrors.otherClient());
      case REVOKED ->
          throw new EntraException(GrantErrors.revoked(grant.issuedAt(), use.revokedAt()));
      case INACTIVE ->
          throw new EntraException(
              GrantErrors.inactive(
                  grant.issuedAt(), Duration.between(use.lastUsed(), request.now())));
      case VALID -> {}
    }
    if (request.atOtherTenantThan(grant.tenantId())) {
      throw new EntraException(GrantErrors.otherClient());
    }
    return tokens.respond(grant, scopes(request.param("scope"), grant), null, request.now());
  }

  private static Set<String> scopes(String requested, Grant grant) {
    if (requested == null) {
      return grant.scopes();
    }
    Scopes.Parsed parsed = Scopes.parse(requested);
    if (!parsed.unknown().isEmpty()) {
      throw new EntraException(EntraError.invalidScope(parsed.unknown().get(0)));
    }
    Set<String> scopes = new LinkedHashSet<>(parsed.granted());
    for (String scope : scopes) {
      if (Scopes.isGraph(scope) && !grant.scopes().contains(scope)) {
        throw new EntraException(GrantErrors.consentMissing(grant.clientId()));
      }
    }
    if (!parsed.hasGraphScope()) {
      // Only OIDC scopes asked for: the access token is still for Graph, with all it may hold.
      grant.scopes().stream().filter(Scopes::isGraph).forEach(scopes::add);
    }
    return scopes;
  }
}
