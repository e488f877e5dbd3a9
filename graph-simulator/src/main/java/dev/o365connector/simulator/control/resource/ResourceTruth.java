package dev.o365connector.simulator.control.resource;

import dev.o365connector.simulator.directory.Tenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The ground truth of one resource for {@code GET /_sim/tenants/{id}/truth?resource=}: the live
 * objects a complete delta sync must end with, each with at least {@code id}, {@code ownerId},
 * {@code containerId} and {@code version}. Runs under the directory's lock.
 */
public interface ResourceTruth {

  /** {@code users}, {@code mail}, {@code calendar} or {@code files}. */
  String resource();

  /** The live objects; {@code params} are the request's query parameters (a calendar window). */
  JsonArray truth(Tenant tenant, JsonObject params);

  /** One truth entry, in the shape every resource reports. */
  static JsonObject entry(
      String objectType, String id, String ownerId, String containerId, long version) {
    return new JsonObject()
        .put("objectType", objectType)
        .put("id", id)
        .put("ownerId", ownerId)
        .put("containerId", containerId)
        .put("version", version);
  }
}
