package dev.o365connector.gateway.error;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Renders a {@link GatewayProblem} as {@code application/problem+json}. */
public final class Problems {

  private Problems() {}

  /** The problem document, e.g. for one denied request inside a {@code $batch} response. */
  public static JsonObject toJson(GatewayProblem problem) {
    JsonObject json =
        new JsonObject()
            .put("type", GatewayProblem.TYPE_PREFIX + problem.slug())
            .put("title", problem.title())
            .put("status", problem.status())
            .put("detail", problem.getMessage());
    for (Map.Entry<String, Object> member : problem.extensions().entrySet()) {
      json.put(member.getKey(), member.getValue());
    }
    return json;
  }

  /** Answers {@code response} with {@code problem}, unless headers already went out. */
  public static void write(HttpServerResponse response, GatewayProblem problem) {
    if (response.headWritten()) {
      response.reset(); // a half-sent body cannot be turned into an error any more
      return;
    }
    response
        .setStatusCode(problem.status())
        .putHeader("Content-Type", "application/problem+json")
        .end(toJson(problem).encode());
  }
}
