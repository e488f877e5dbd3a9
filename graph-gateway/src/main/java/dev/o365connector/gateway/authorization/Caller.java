package dev.o365connector.gateway.authorization;

import dev.o365connector.contracts.PlatformRoles;
import dev.o365connector.gateway.error.GatewayProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may call the gateway: a platform identity (the caller's bearer token, as quarkus-oidc
 * verified it) holding {@code graph.read}. Checked before anything else looks at the request.
 */
public final class Caller {

  static final String ROLE = PlatformRoles.GRAPH_READ;

  private Caller() {}

  /** The caller's identity as quarkus-oidc established it for this request. */
  public static Uni<SecurityIdentity> identity(RoutingContext ctx) {
    Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
    if (deferred != null) {
      return deferred;
    }
    return ctx.user() instanceof QuarkusHttpUser user
        ? Uni.createFrom().item(user.getSecurityIdentity())
        : Uni.createFrom().failure(unauthenticated());
  }

  /** Refuses anonymous callers (401) and callers without the role (403). */
  public static void authorize(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      throw unauthenticated();
    }
    if (!identity.hasRole(ROLE)) {
      throw new GatewayProblem(
          403, "forbidden", "Forbidden", "The caller's token lacks the " + ROLE + " role");
    }
  }

  public static GatewayProblem unauthenticated() {
    return new GatewayProblem(
        401, "unauthenticated", "Unauthenticated", "A valid platform bearer token is required");
  }

  /**
   * The calling client as its token names it ({@code azp}, else {@code client_id} or {@code
   * appid}), for logs; null when the token names none.
   */
  public static String clientId(SecurityIdentity identity) {
    if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return null;
    }
    for (String claim : new String[] {"azp", "client_id", "appid"}) {
      Object value = token.getClaim(claim);
      if (value != null) {
        return value.toString();
      }
    }
    return null;
  }
}
