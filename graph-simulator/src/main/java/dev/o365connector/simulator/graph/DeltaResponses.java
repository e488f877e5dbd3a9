package dev.o365connector.simulator.graph;

import dev.o365connector.simulator.delta.DeltaLinks;
import dev.o365connector.simulator.delta.DeltaResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Turns a {@link DeltaResult} into Graph's page body, its 410 or its 400. */
public final class DeltaResponses {

  private DeltaResponses() {}

  public static void write(
      RoutingContext ctx, DeltaResult result, String odataContext, DeltaLinks links) {
    if (result instanceof DeltaResult.Page page) {
      JsonObject body =
          new JsonObject()
              .put("@odata.context", odataContext)
              .put("value", new JsonArray(page.items()));
      if (page.nextLink() != null) {
        body.put("@odata.nextLink", page.nextLink());
      } else {
        body.put("@odata.deltaLink", page.deltaLink());
      }
      GraphErrors.ok(ctx, body);
    } else if (result instanceof DeltaResult.Gone gone) {
      // Location restarts the round from scratch, as Graph's 410 does.
      ctx.response().putHeader("Location", links.functionUrl());
      GraphErrors.write(ctx, 410, gone.code(), gone.message());
    } else if (result instanceof DeltaResult.BadToken bad) {
      GraphErrors.write(ctx, 400, "BadRequest", bad.message());
    }
  }
}
