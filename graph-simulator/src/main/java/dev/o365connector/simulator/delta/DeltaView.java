package dev.o365connector.simulator.delta;

import io.vertx.core.json.JsonObject;

/**
 * How one request sees a delta collection: how objects render (which may depend on the request's
 * headers, e.g. immutable ids) and which belong to the round's scope (e.g. a calendar window).
 * {@code params} are the query parameters of the round's first request, carried in its tokens.
 */
public interface DeltaView<T> {

  JsonObject render(T value, JsonObject params);

  /** A removed object, as {@code @removed} or a {@code deleted} facet. */
  JsonObject removed(DeltaCollection.Entry<T> entry, JsonObject params);

  /**
   * Whether a live object is in the round; one that changed but is out of scope reads as removed.
   */
  default boolean inScope(T value, JsonObject params) {
    return true;
  }
}
