package dev.o365connector.simulator.identity;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Writes {@link EntraError}s the three ways Entra shows them: JSON, error page, redirect. */
final class EntraErrors {

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final SimulatorContext context;

  EntraErrors(SimulatorContext context) {
    this.context = context;
  }

  /** The token endpoint's JSON error body with its status (400, or 401 for bad credentials). */
  void respond(RoutingContext ctx, EntraError error) {
    ctx.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
    Responses.json(ctx, error.status(), body(ctx, error));
  }

  JsonObject body(RoutingContext ctx, EntraError error) {
    Instant now = context.clock().instant();
    String traceId = UUID.randomUUID().toString();
    String correlationId = correlationId(ctx);
    return new JsonObject()
        .put("error", error.error())
        .put("error_description", describe(error, traceId, correlationId, now))
        .put("error_codes", new JsonArray().add(error.code()))
        .put("timestamp", Timestamps.format(now))
        .put("trace_id", traceId)
        .put("correlation_id", correlationId)
        .put("error_uri", context.baseUrl() + "/error?code=" + error.code());
  }

  /**
   * What Entra shows instead of redirecting when it cannot trust the redirect URI (unknown tenant,
   * client or redirect URI): an HTML page, or the JSON body for clients that ask for JSON.
   */
  void page(RoutingContext ctx, EntraError error) {
    String accept = ctx.request().getHeader("Accept");
    if (accept != null && accept.contains("application/json")) {
      Responses.json(ctx, 400, body(ctx, error));
      return;
    }
    JsonObject body = body(ctx, error);
    ctx.response()
        .setStatusCode(400)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(ConsentPage.errorPage(body.getString("error"), body.getString("error_description")));
  }

  /** {@code error} and {@code error_description} for an error sent back to the redirect URI. */
  Map<String, String> redirectParams(RoutingContext ctx, EntraError error) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error.error());
    params.put(
        "error_description",
        describe(
            error, UUID.randomUUID().toString(), correlationId(ctx), context.clock().instant()));
    return params;
  }

  private static String describe(
      EntraError error, String traceId, String correlationId, Instant now) {
    return error.summary()
        + "\r\nTrace ID: "
        + traceId
        + "\r\nCorrelation ID: "
        + correlationId
        + "\r\nTimestamp: "
        + Timestamps.format(now);
  }

  // MSAL sends client-request-id and Entra echoes it as the correlation id.
  private static String correlationId(RoutingContext ctx) {
    String given = ctx.request().getHeader("client-request-id");
    return given != null && GUID.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }
}
