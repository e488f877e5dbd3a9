package dev.o365connector.simulator.faults;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.http.Responses;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Outlook limits: the enforcing handler, to be registered before the identity and Graph routes and
 * before fault injection (a request delayed by a fault holds its place in flight), and {@code
 * GET}/{@code POST /_sim/limits}.
 */
public final class LimitRoutes {

  private final SimulatorContext context;
  private final MailboxLimits limits;

  public LimitRoutes(SimulatorContext context) {
    this.context = context;
    this.limits = MailboxLimits.of(context);
  }

  public void register(Router router) {
    router.route().handler(new LimitHandler(context, limits));
    router.get("/_sim/limits").handler(ctx -> Responses.json(ctx, 200, limits.toJson()));
    router.post("/_sim/limits").handler(this::configure);
  }

  private void configure(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new IllegalArgumentException("a JSON body is required");
      }
      limits.configure(body);
      Responses.json(ctx, 200, limits.toJson());
    } catch (IllegalArgumentException | ClassCastException | DecodeException e) {
      Responses.json(ctx, 400, new JsonObject().put("error", "invalid limits: " + e.getMessage()));
    }
  }
}
