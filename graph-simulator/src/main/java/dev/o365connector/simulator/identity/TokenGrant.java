package dev.o365connector.simulator.identity;

import io.vertx.core.json.JsonObject;

/** One {@code grant_type} of the token endpoint. */
interface TokenGrant {

  /** The successful token response, or an {@link EntraException}. */
  JsonObject issue(TokenRequest request);
}
