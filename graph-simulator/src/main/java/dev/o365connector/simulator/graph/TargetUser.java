package dev.o365connector.simulator.graph;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.directory.Directory;
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

  /** The user whose data a request reads, in the tenant of the request's token. */
  public record Target(String tenantId, User user) {

    /** Their tenant; call under the directory's lock. */
    public Tenant tenant(Directory directory) {
      return directory.tenant(tenantId).orElseThrow();
    }
  }

  /**
   * Registers {@code handler} for {@code GET /v1.0/me<suffix>} and {@code
   * /v1.0/users/:userId<suffix>}.
   */
  public static void get(Router router, String suffix, Handler<RoutingContext> handler) {
    router.get("/v1.0/me" + suffix).handler(handler);
    router.get("/v1.0/users/:" + USER_ID + suffix).handler(handler);
  }

  /**
   * The target of a request that holds {@code permission} and may read the user's data in the
   * permission's workload; otherwise empty, the Graph error already written.
   */
  public static Optional<Target> authorize(
      RoutingContext ctx,
      SimulatorContext context,
      GraphRequests requests,
      Permission permission,
      Predicate<User> hasService) {
    return requests
        .authorize(ctx, permission)
        .flatMap(
            principal ->
                resolve(ctx, context, principal, permission.workload(), hasService)
                    .map(user -> new Target(principal.tenantId(), user)));
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
                        .flatMap(tenant -> tenant.user(key)));
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
