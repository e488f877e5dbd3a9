package dev.o365connector.auth;

import static io.restassured.RestAssured.given;

import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the graph-simulator's counters: how many grants Entra would have seen. */
public final class SimulatorStats {

  private SimulatorStats() {}

  /**
   * Tokens issued so far for {@code grantType} ({@code refresh_token}, {@code client_credentials}).
   */
  @SuppressWarnings("unchecked")
  public static long grants(String grantType) {
    String simulator = ConfigProvider.getConfig().getValue("o365.simulator.base-url", String.class);
    Map<String, Object> stats =
        given().get(simulator + "/_sim/stats").then().statusCode(200).extract().as(Map.class);
    Map<String, Object> issued =
        (Map<String, Object>) ((Map<String, Object>) stats.get("tokens")).get("issued");
    Object count = ((Map<String, Object>) issued.get("byGrantType")).get(grantType);
    return count == null ? 0 : ((Number) count).longValue();
  }
}
