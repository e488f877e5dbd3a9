package dev.o365connector.simulator.stats;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Request statistics and the request journal: the recording handler, to be registered before the
 * identity and Graph routes, {@code GET}/{@code DELETE /_sim/stats} and {@code GET}/{@code DELETE
 * /_sim/requests}.
 */
public final class StatsRoutes {

  private final SimulatorContext context;
  private final RequestStats stats;
  private final RequestJournal journal;

  public StatsRoutes(SimulatorContext context) {
    this.context = context;
    this.stats = RequestStats.of(context);
    this.journal = RequestJournal.of(context);
  }

  public void register(Router router) {
    router.route().handler(new StatsHandler(context, stats, journal, new RouteTemplates(router)));
    router.get("/_sim/stats").handler(ctx -> Responses.json(ctx, 200, stats.snapshot()));
    // Resetting the statistics starts a new observation, so the journal starts afresh too.
    router
        .delete("/_sim/stats")
        .handler(
            ctx -> {
              stats.reset();
              journal.clear();
              ctx.response().setStatusCode(204).end();
            });
    router.get("/_sim/requests").handler(this::requests);
    router
        .delete("/_sim/requests")
        .handler(
            ctx -> {
              journal.clear();
              ctx.response().setStatusCode(204).end();
            });
  }

  private void requests(RoutingContext ctx) {
    JournalQuery query;
    try {
      query = JournalQuery.parse(ctx.request().params());
    } catch (IllegalArgumentException e) {
      Responses.json(ctx, 400, new JsonObject().put("error", e.getMessage()));
      return;
    }
    Responses.json(ctx, 200, journal.find(query));
  }
}
