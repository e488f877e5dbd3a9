package dev.o365connector.gateway.proxy;

import dev.o365connector.contracts.PlatformRoles;
import dev.o365connector.gateway.error.GatewayProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls the gateway: a platform identity holding {@code graph.read}, and its request id. */
final class Caller {

  static final String ROLE = PlatformRoles.GRAPH_READ;

  private Caller() {}

  /** The caller's identity as quarkus-oidc established it for this request. */
  static Uni<SecurityIdentity> identity(RoutingContext ctx) {
    Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
    if (deferred != null) {
      return deferred;
    }
    return ctx.user() instanceof QuarkusHttpUser user
        ? Uni.createFrom().item(user.getSecurityIdentity())
        : Uni.createFrom().failure(unauthenticated());
  }

  /** Refuses anonymous callers (401) and callers without the role (403). */
  static void authorize(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      throw unauthenticated();
    }
    if (!identity.hasRole(ROLE)) {
      throw new GatewayProblem(
          403, "forbidden", "Forbidden", "The caller's token lacks the " + ROLE + " role");
    }
  }

  static GatewayProblem unauthenticated() {
    return new GatewayProblem(
        401, "unauthenticated", "Unauthenticated", "A valid platform bearer token is required");
  }

  /**
   * The calling client as its token names it ({@code azp}, else {@code client_id} or {@code
   * appid}), for logs; null when the token names none.
   */
  static String clientId(SecurityIdentity identity) {
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

  /** The caller's {@code client-request-id} when it is a plain id, else a fresh one. */
  static String clientRequestId(String given) {
    if (given != null && given.length() <= 64 && given.matches("[A-Za-z0-9-]+")) {
      return given;
    }
    return UUID.randomUUID().toString();
  }
}
