package dev.o365connector.simulator.graph;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whose data a request reads: {@code /me/...} is the signed-in user; {@code /users/{id}/...} any
 * user for app-only tokens, but only the signed-in user for delegated ones (we never hold delegated
 * access to other mailboxes).
 */
public final class TargetUser {

  /** The path parameter of {@code /users/{userId}/...}. */
  public static final String USER_ID = "userId";

  private TargetUser() {}

  /**
   * Registers {@code handler} for {@code GET /v1.0/me<suffix>} and {@code
   * /v1.0/users/:userId<suffix>}.
   */
  public static void get(Router router, String suffix, Handler<RoutingContext> handler) {
    router.get("/v1.0/me" + suffix).handler(handler);
    router.get("/v1.0/users/:" + USER_ID + suffix).handler(handler);
  }

  /**
   * The user, if the principal may read their data in this workload and they have the service
   * ({@code hasService}: mailbox or drive); otherwise the Graph error is already written.
   */
  public static Optional<User> resolve(
      RoutingContext ctx,
      SimulatorContext context,
      GraphPrincipal principal,
      Workload workload,
      Predicate<User> hasService) {
    String requested = ctx.pathParam(USER_ID);
    if (requested == null && !principal.delegated()) {
      GraphErrors.write(
          ctx, 400, "BadRequest", "/me request is only valid with delegated authentication flow.");
      return Optional.empty();
    }
    String key = requested == null ? principal.userId() : requested;
    Optional<User> user =
        context
            .directory()
            .locked(
                () ->
                    context
                        .directory()
                        .tenant(principal.tenantId())
                        .map(Tenant::users)
                        .flatMap(
                            users ->
                                users.live().stream()
                                    .filter(
                                        u ->
                                            u.id().equals(key)
                                                || u.userPrincipalName().equalsIgnoreCase(key))
                                    .findFirst()));
    if (user.isEmpty()) {
      GraphErrors.write(
          ctx, 404, workload.unknownUserCode, "The requested user '" + key + "' is invalid.");
      return Optional.empty();
    }
    if (principal.delegated() && !user.get().id().equals(principal.userId())) {
      GraphErrors.write(ctx, 403, workload.deniedCode, workload.deniedMessage);
      return Optional.empty();
    }
    if (!hasService.test(user.get())) {
      GraphErrors.write(ctx, 404, workload.noServiceCode, workload.noServiceMessage);
      return Optional.empty();
    }
    return user;
  }
}
