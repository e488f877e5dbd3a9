package dev.o365connector.simulator.graph;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Graph-shaped answers: every response carries {@code request-id} (and echoes {@code
 * client-request-id}); errors are {@code {"error":{"code","message","innerError":{...}}}}.
 */
public final class GraphErrors {

  private GraphErrors() {}

  /** Sets the correlation headers Graph puts on every response; returns the request id. */
  public static String correlate(RoutingContext ctx) {
    String requestId = ctx.get("request-id");
    if (requestId == null) {
      requestId = UUID.randomUUID().toString();
      ctx.put("request-id", requestId);
      ctx.response().putHeader("request-id", requestId);
      String clientRequestId = ctx.request().getHeader("client-request-id");
      if (clientRequestId != null) {
        ctx.response().putHeader("client-request-id", clientRequestId);
      }
    }
    return requestId;
  }

  public static void write(RoutingContext ctx, int status, String code, String message) {
    String requestId = correlate(ctx);
    JsonObject inner =
        new JsonObject()
            .put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
            .put("request-id", requestId)
            .put("client-request-id", ctx.request().getHeader("client-request-id"));
    JsonObject body =
        new JsonObject()
            .put(
                "error",
                new JsonObject()
                    .put("code", code)
                    .put("message", message)
                    .put("innerError", inner));
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  /** 200 with a Graph JSON body. */
  public static void ok(RoutingContext ctx, JsonObject body) {
    correlate(ctx);
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json; odata.metadata=minimal; charset=utf-8")
        .end(body.encode());
  }
}
