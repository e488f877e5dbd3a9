package dev.o365connector.simulator.faults;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.http.Responses;
import dev.o365connector.simulator.identity.IdentityState;
import dev.o365connector.simulator.identity.RefreshTokens;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Token faults of one tenant: {@code POST /_sim/tenants/{tenantId}/delta-tokens/expire} (next use
 * answers 410 {@code syncStateNotFound}), {@code .../delta-tokens/invalidate} (410 {@code
 * resyncRequired}) and {@code .../refresh-tokens/revoke[?userId=]} (AADSTS50173).
 */
public final class TokenFaultRoutes {

  private final SimulatorContext context;
  private final Directory directory;

  public TokenFaultRoutes(SimulatorContext context) {
    this.context = context;
    this.directory = context.directory();
  }

  public void register(Router router) {
    router
        .post("/_sim/tenants/:tenantId/delta-tokens/expire")
        .handler(ctx -> killDeltaTokens(ctx, false));
    router
        .post("/_sim/tenants/:tenantId/delta-tokens/invalidate")
        .handler(ctx -> killDeltaTokens(ctx, true));
    router.post("/_sim/tenants/:tenantId/refresh-tokens/revoke").handler(this::revoke);
  }

  private void killDeltaTokens(RoutingContext ctx, boolean invalidate) {
    tenant(ctx)
        .ifPresent(
            tenant -> {
              directory.locked(() -> tenant.killDeltaTokens(invalidate, context.clock().millis()));
              Responses.json(
                  ctx,
                  200,
                  new JsonObject()
                      .put("tenantId", tenant.id())
                      .put("deltaTokens", invalidate ? "invalidated" : "expired")
                      .put("nextUse", invalidate ? "resyncRequired" : "syncStateNotFound"));
            });
  }

  private void revoke(RoutingContext ctx) {
    Optional<Tenant> tenant = tenant(ctx);
    if (tenant.isEmpty()) {
      return;
    }
    String userParam = ctx.request().getParam("userId");
    List<String> userIds =
        directory.locked(
            () ->
                tenant.get().users().live().stream()
                    .filter(
                        u ->
                            userParam == null
                                || u.id().equals(userParam)
                                || u.userPrincipalName().equalsIgnoreCase(userParam))
                    .map(User::id)
                    .toList());
    if (userParam != null && userIds.isEmpty()) {
      Responses.json(ctx, 404, new JsonObject().put("error", "no user " + userParam));
      return;
    }
    RefreshTokens refreshTokens = IdentityState.of(context).refreshTokens();
    int revoked =
        userIds.stream()
            .mapToInt(userId -> refreshTokens.revokeRefreshTokens(tenant.get().id(), userId))
            .sum();
    JsonObject summary = new JsonObject().put("tenantId", tenant.get().id());
    if (userParam != null) {
      summary.put("userId", userIds.get(0));
    }
    Responses.json(ctx, 200, summary.put("revoked", revoked));
  }

  private Optional<Tenant> tenant(RoutingContext ctx) {
    Optional<Tenant> tenant = directory.tenant(ctx.pathParam("tenantId"));
    if (tenant.isEmpty()) {
      Responses.json(
          ctx, 404, new JsonObject().put("error", "no tenant " + ctx.pathParam("tenantId")));
    }
    return tenant;
  }
}
