package dev.o365connector.simulator.faults;

import dev.o365connector.simulator.SimulatorContext;
import dev.o365connector.simulator.graph.GraphErrors;
import dev.o365connector.simulator.http.Responses;
import dev.o365connector.simulator.identity.EntraError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Answers a request with an injected status, shaped as Graph or the identity platform would. */
final class FaultResponses {

  private record GraphError(String code, String message) {}

  private static final Map<Integer, GraphError> GRAPH =
      Map.of(
          400, new GraphError("BadRequest", "The request is malformed or incorrect."),
          401, new GraphError("InvalidAuthenticationToken", "Access token validation failure."),
          403, new GraphError("accessDenied", "The caller doesn't have permission."),
          404, new GraphError("itemNotFound", "The resource could not be found."),
          410,
              new GraphError(
                  "resyncRequired",
                  "Resync required. Replace any local items with the server's version."),
          429,
              new GraphError(
                  "TooManyRequests",
                  "Too many requests. Retry after the time the Retry-After header gives."),
          500, new GraphError("generalException", "An unspecified error has occurred."),
          503,
              new GraphError(
                  "serviceNotAvailable",
                  "The service is temporarily unavailable. Please retry later."),
          504,
              new GraphError(
                  "gatewayTimeout",
                  "The gateway did not receive a timely response from the service."));

  private static final Map<Integer, EntraError> ENTRA =
      Map.of(
          429,
              new EntraError(
                  429,
                  "temporarily_unavailable",
                  90055,
                  "There are too many incoming requests. Please try again later."),
          503,
              new EntraError(
                  503,
                  "temporarily_unavailable",
                  90033,
                  "A transient error has occurred. Please try again."),
          504, new EntraError(504, "temporarily_unavailable", 90012, "The request has timed out."));

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final DateTimeFormatter ENTRA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final SimulatorContext context;

  FaultResponses(SimulatorContext context) {
    this.context = context;
  }

  void respond(RoutingContext ctx, FaultRule rule, boolean graph) {
    int status = rule.status();
    String retryAfter = rule.retryAfter();
    if (retryAfter == null && status == 429) {
      retryAfter = "1";
    }
    if (retryAfter != null) {
      ctx.response().putHeader("Retry-After", retryAfter);
    }
    if (graph) {
      graph(ctx, status);
    } else {
      entra(ctx, status);
    }
  }

  private void graph(RoutingContext ctx, int status) {
    GraphError error =
        GRAPH.getOrDefault(
            status,
            status >= 500 ? GRAPH.get(500) : new GraphError("BadRequest", "The request failed."));
    if (status == 410) {
      // Graph's 410 points at where to start over: the same resource without its tokens.
      ctx.response().putHeader("Location", context.baseUrl() + ctx.request().path());
    }
    GraphErrors.write(ctx, status, error.code(), error.message());
  }

  private void entra(RoutingContext ctx, int status) {
    EntraError error =
        ENTRA.getOrDefault(
            status,
            status >= 500
                ? new EntraError(
                    status, "server_error", 50000, "There was an error issuing a token.")
                : new EntraError(status, "invalid_request", 90100, "The request is not valid."));
    Instant now = context.clock().instant();
    String traceId = UUID.randomUUID().toString();
    String given = ctx.request().getHeader("client-request-id");
    String correlationId =
        given != null && GUID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    JsonObject body =
        new JsonObject()
            .put("error", error.error())
            .put(
                "error_description",
                error.summary()
                    + "\r\nTrace ID: "
                    + traceId
                    + "\r\nCorrelation ID: "
                    + correlationId
                    + "\r\nTimestamp: "
                    + ENTRA_TIME.format(now))
            .put("error_codes", new JsonArray().add(error.code()))
            .put("timestamp", ENTRA_TIME.format(now))
            .put("trace_id", traceId)
            .put("correlation_id", correlationId)
            .put("error_uri", context.baseUrl() + "/error?code=" + error.code());
    ctx.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
    Responses.json(ctx, status, body);
  }
}
