package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.User;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/** The token response of a delegated sign-in: access, id and refresh token. */
final class DelegatedTokens {

  private final SimulatorContext context;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;

  DelegatedTokens(SimulatorContext context, AccessTokens accessTokens, RefreshTokens refresh) {
    this.context = context;
    this.accessTokens = accessTokens;
    this.refreshTokens = refresh;
  }

  /** The signed-in user, who may have been deleted since consenting. */
  private User user(String tenantId, String userId) {
    Directory directory = context.directory();
    return directory
        .locked(() -> directory.tenant(tenantId).flatMap(t -> t.users().get(userId)))
        .orElseThrow(() -> new EntraException(GrantErrors.userNotFound(userId, tenantId)));
  }

  /**
   * The tokens {@code grant}'s user gets, if they still exist.
   *
   * @param scopes what this access token carries; the new refresh token carries on what {@code
   *     grant} consented to
   */
  JsonObject respond(DelegatedGrant grant, Set<String> scopes, String nonce, Instant now) {
    String tenantId = grant.tenantId();
    String clientId = grant.clientId();
    Set<String> consented = grant.scopes();
    User user = user(tenantId, grant.userId());
    long lifetime = context.config().accessTokenLifetime().toSeconds();
    JsonObject body =
        new JsonObject()
            .put("token_type", "Bearer")
            .put("scope", Scopes.responseScope(scopes))
            .put("expires_in", lifetime)
            .put("ext_expires_in", lifetime)
            .put("access_token", accessTokens.delegated(tenantId, user, clientId, scopes));
    if (consented.contains("offline_access")) {
      body.put(
          "refresh_token",
          refreshTokens.issue(
              new RefreshTokens.Grant(tenantId, user.id(), clientId, consented, now)));
    }
    if (scopes.contains("openid")) {
      body.put("id_token", accessTokens.idToken(tenantId, user, clientId, nonce));
    }
    return body;
  }
}
