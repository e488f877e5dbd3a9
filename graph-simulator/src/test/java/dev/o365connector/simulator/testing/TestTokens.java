package dev.o365connector.simulator.testing;

import dev.o365connector.simulator.SimulatorContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Graph access tokens signed with the simulator's key, shaped like the ones its token endpoint
 * issues, so Graph routes can be tested on their own.
 */
public final class TestTokens {

  private TestTokens() {}

  public static String delegated(
      SimulatorContext context, String tenantId, String userId, String scp) {
    return context
        .jwt()
        .sign(base(tenantId, Duration.ofHours(1)).put("oid", userId).put("scp", scp));
  }

  public static String app(SimulatorContext context, String tenantId, String... roles) {
    return context
        .jwt()
        .sign(
            base(tenantId, Duration.ofHours(1))
                .put("oid", "sp-" + tenantId)
                .put("roles", new JsonArray(List.of(roles))));
  }

  /** An app-only token that expired a minute ago. */
  public static String expiredApp(SimulatorContext context, String tenantId, String... roles) {
    return context
        .jwt()
        .sign(base(tenantId, Duration.ofSeconds(-60)).put("roles", new JsonArray(List.of(roles))));
  }

  /** An app-only token for another API than Graph. */
  public static String withAudience(SimulatorContext context, String tenantId, String audience) {
    return context
        .jwt()
        .sign(
            base(tenantId, Duration.ofHours(1))
                .put("aud", audience)
                .put("roles", new JsonArray().add("User.Read.All")));
  }

  private static JsonObject base(String tenantId, Duration validFor) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject()
        .put("aud", "https://graph.microsoft.com")
        .put("iss", "http://sim/" + tenantId + "/v2.0")
        .put("tid", tenantId)
        .put("appid", "client-under-test")
        .put("iat", now)
        .put("exp", now + validFor.toSeconds());
  }
}
