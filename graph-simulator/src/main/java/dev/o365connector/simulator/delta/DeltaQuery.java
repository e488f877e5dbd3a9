package dev.o365connector.simulator.delta;

import io.vertx.core.json.JsonObject;

/**
 * One request to a delta function.
 *
 * @param deltaToken the {@code $deltatoken} (or drive {@code token}); {@code latest} means "from
 *     now"
 * @param skipToken the {@code $skiptoken} of a nextLink
 * @param params query parameters of an initial request ({@code $select}, a calendar window); later
 *     requests take them from their token, as Graph's links carry them
 * @param pageSize items per page ({@code Prefer: odata.maxpagesize} or the resource's default)
 */
public record DeltaQuery(String deltaToken, String skipToken, JsonObject params, int pageSize) {

  public DeltaQuery {
    params = params == null ? new JsonObject() : params;
  }

  /** The token this request carries, if any: its skip token, else its delta token. */
  public String token() {
    return skipToken != null ? skipToken : deltaToken;
  }
}
