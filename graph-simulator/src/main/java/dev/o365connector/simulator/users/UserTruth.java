package dev.o365connector.simulator.users;

import dev.o365connector.simulator.control.resource.ResourceTruth;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Every live user: {@code ownerId} is the user, {@code containerId} the tenant. */
public final class UserTruth implements ResourceTruth {

  @Override
  public String resource() {
    return "users";
  }

  @Override
  public JsonArray truth(Tenant tenant, JsonObject params) {
    JsonArray truth = new JsonArray();
    for (User user : tenant.users().live()) {
      truth.add(ResourceTruth.entry("user", user.id(), user.id(), tenant.id(), user.version()));
    }
    return truth;
  }
}
