package dev.o365connector.simulator.graph;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Validates the bearer token of a Graph request as Graph does; answers 401 when it fails. */
final class GraphAuth {

  static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

  private final SimulatorContext context;

  GraphAuth(SimulatorContext context) {
    this.context = context;
  }

  /** The principal, or empty after answering 401 {@code InvalidAuthenticationToken}. */
  Optional<GraphPrincipal> authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return reject(ctx, "Access token is empty.");
    }
    Optional<JsonObject> verified = context.jwt().verify(header.substring(7).trim());
    if (verified.isEmpty()) {
      return reject(ctx, "Access token validation failure. Invalid signature or malformed token.");
    }
    JsonObject claims = verified.get();
    if (!GRAPH_AUDIENCE.equals(claims.getString("aud"))) {
      return reject(ctx, "Access token validation failure. Invalid audience.");
    }
    Long exp = claims.getLong("exp");
    if (exp == null || exp * 1000 <= context.clock().millis()) {
      return reject(ctx, "Lifetime validation failed, the token is expired.");
    }
    String tenantId = claims.getString("tid");
    if (tenantId == null || context.directory().tenant(tenantId).isEmpty()) {
      return reject(ctx, "Access token validation failure. Unknown tenant.");
    }
    boolean delegated = claims.containsKey("scp");
    Set<String> permissions = new HashSet<>();
    if (delegated) {
      permissions.addAll(Arrays.asList(claims.getString("scp", "").trim().split("\\s+")));
    } else {
      JsonArray roles = claims.getJsonArray("roles", new JsonArray());
      roles.forEach(role -> permissions.add(String.valueOf(role)));
    }
    return Optional.of(
        new GraphPrincipal(
            tenantId,
            delegated ? claims.getString("oid") : null,
            claims.getString("appid"),
            Set.copyOf(permissions)));
  }

  private static Optional<GraphPrincipal> reject(RoutingContext ctx, String message) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
    GraphErrors.write(ctx, 401, "InvalidAuthenticationToken", message);
    return Optional.empty();
  }
}
