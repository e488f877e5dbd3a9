package dev.o365connector.simulator.stats;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.http.Responses;
import io.vertx.ext.web.Router;

/**
 * Request statistics: the counting handler, to be registered before the identity and Graph routes,
 * and {@code GET}/{@code DELETE /_sim/stats}.
 */
public final class StatsRoutes {

  private final SimulatorContext context;

  public StatsRoutes(SimulatorContext context) {
    this.context = context;
  }

  public void register(Router router) {
    RequestStats stats = RequestStats.of(context);
    router.route().handler(new StatsHandler(context, stats, new RouteTemplates(router)));
    router.get("/_sim/stats").handler(ctx -> Responses.json(ctx, 200, stats.snapshot()));
    router
        .delete("/_sim/stats")
        .handler(
            ctx -> {
              stats.reset();
              ctx.response().setStatusCode(204).end();
            });
  }
}
