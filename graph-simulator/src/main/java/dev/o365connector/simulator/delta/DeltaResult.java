package dev.o365connector.simulator.delta;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** What a delta request answers: a page, or the reason its token is no longer usable. */
public sealed interface DeltaResult {

  /** A page; exactly one of {@code nextLink} and {@code deltaLink} is set. */
  record Page(List<JsonObject> items, String nextLink, String deltaLink) implements DeltaResult {}

  /** 410 Gone: {@code syncStateNotFound} (expired) or {@code resyncRequired} (invalidated). */
  record Gone(String code, String message) implements DeltaResult {}

  /** 400: the token is malformed, forged, or belongs to another collection. */
  record BadToken(String message) implements DeltaResult {}
}
