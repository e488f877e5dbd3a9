package dev.o365connector.simulator.control.resource;

import dev.o365connector.simulator.directory.Ids;
import dev.o365connector.simulator.directory.Tenant;
import io.vertx.core.json.JsonObject;

/**
 * Changes one kind of object for {@code POST /_sim/tenants/{id}/mutations}. Each operation ({@code
 * create}, {@code update}, {@code delete}, {@code move}) takes a number (that many random objects,
 * chosen from the seeded sequence) or an array of ids (those objects; {@code move} also takes
 * {@code {"id":..,"to":..}}). Runs under the directory's lock.
 */
public interface ResourceMutations {

  /**
   * The key in the mutation body: {@code users}, {@code mailFolders}, {@code messages}, {@code
   * calendars}, {@code events}, {@code driveItems}.
   */
  String key();

  /**
   * Applies {@code spec} and returns what changed: {@code created}, {@code updated}, {@code
   * deleted}, {@code moved}, each an array of ids.
   *
   * @throws IllegalArgumentException for an unknown operation or id (the request gets a 400)
   */
  JsonObject apply(Tenant tenant, JsonObject spec, Ids ids);
}
