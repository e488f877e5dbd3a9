package dev.o365connector.gateway.error;

import dev.o365connector.runtime.problem.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Renders a {@link GatewayProblem} from the gateway's Vert.x routes, which answer without JAX-RS:
 * the document is the service runtime's {@link Problem#body()}.
 */
public final class Problems {

  private Problems() {}

  /** The problem document, e.g. for one denied request inside a {@code $batch} response. */
  public static JsonObject toJson(GatewayProblem problem) {
    return new JsonObject(problem.problem().body());
  }

  /** Answers {@code response} with {@code problem}, unless headers already went out. */
  public static void write(HttpServerResponse response, GatewayProblem problem) {
    if (response.headWritten()) {
      response.reset(); // a half-sent body cannot be turned into an error any more
      return;
    }
    response
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(toJson(problem).encode());
  }
}
