package dev.o365connector.simulator.faults;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.http.Responses;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Fault injection: the handler, to be registered before the identity and Graph routes, and the
 * rules' control API {@code /_sim/faults}.
 */
public final class FaultRoutes {

  private final SimulatorContext context;
  private final Faults faults;

  public FaultRoutes(SimulatorContext context) {
    this.context = context;
    this.faults = Faults.of(context);
  }

  public void register(Router router) {
    router.route().handler(new FaultHandler(context, faults));
    router.post("/_sim/faults").handler(this::add);
    router.get("/_sim/faults").handler(this::list);
    router.delete("/_sim/faults/:id").handler(this::remove);
    router
        .delete("/_sim/faults")
        .handler(
            ctx -> {
              faults.clear();
              ctx.response().setStatusCode(204).end();
            });
  }

  private void add(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new IllegalArgumentException("a JSON body is required");
      }
      Responses.json(ctx, 201, new JsonObject().put("id", faults.add(body)));
    } catch (IllegalArgumentException | ClassCastException | DecodeException e) {
      Responses.json(
          ctx, 400, new JsonObject().put("error", "invalid fault rule: " + e.getMessage()));
    }
  }

  private void list(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(faults.list().encode());
  }

  private void remove(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (faults.remove(id)) {
      ctx.response().setStatusCode(204).end();
    } else {
      Responses.json(ctx, 404, new JsonObject().put("error", "no fault rule " + id));
    }
  }
}
