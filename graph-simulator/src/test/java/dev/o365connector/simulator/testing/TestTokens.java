package dev.o365connector.simulator.testing;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Graph access tokens signed with the simulator's key, as its token endpoint shapes them. */
public final class TestTokens {

  private TestTokens() {}

  public static String delegated(
      SimulatorContext context, String tenantId, String userId, String scp) {
    return context.jwt().sign(base(tenantId).put("oid", userId).put("scp", scp));
  }

  public static String app(SimulatorContext context, String tenantId, String... roles) {
    return context
        .jwt()
        .sign(
            base(tenantId)
                .put("oid", "sp-" + tenantId)
                .put("roles", new JsonArray(List.of(roles))));
  }

  private static JsonObject base(String tenantId) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject()
        .put("aud", "https://graph.microsoft.com")
        .put("iss", "http://sim/" + tenantId + "/v2.0")
        .put("tid", tenantId)
        .put("appid", "client-under-test")
        .put("iat", now)
        .put("exp", now + 3600);
  }
}
