package dev.o365connector.stack.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a running graph-simulator says of itself at {@code /_sim/info}: its seeded tenants, its app
 * registrations, and the platform tenant that issues internal callers' tokens.
 */
public final class SimulatorInfo {

  private final JsonObject info;

  private SimulatorInfo(JsonObject info) {
    this.info = info;
  }

  /** {@code simulator}: the base URL, e.g. {@code http://localhost:8089}. */
  public static SimulatorInfo read(String simulator) {
    return new SimulatorInfo(
        new JsonObject(
            ControlRequests.send(HttpRequest.newBuilder(URI.create(simulator + "/_sim/info")))));
  }

  /** The seeded customer tenant ({@code contoso} with seed 42). */
  public String demoTenantId() {
    return info.getJsonArray("tenants").getJsonObject(0).getString("id");
  }

  /** The {@code iss} of platform tokens. */
  public String platformIssuer() {
    return platform().getString("issuer");
  }

  /** The platform tenant's token endpoint, as the simulator names it (its {@code --host}). */
  public String platformTokenUrl() {
    return platform().getString("tokenUrl");
  }

  /** The secret of each client of the platform tenant, by client id. */
  public Map<String, String> platformSecrets() {
    JsonArray clients = platform().getJsonArray("clients");
    Map<String, String> secrets = new LinkedHashMap<>();
    for (int i = 0; i < clients.size(); i++) {
      JsonObject client = clients.getJsonObject(i);
      secrets.put(client.getString("clientId"), client.getString("clientSecret"));
    }
    return secrets;
  }

  public String platformSecret(String clientId) {
    JsonArray clients = platform().getJsonArray("clients");
    for (int i = 0; i < clients.size(); i++) {
      if (clientId.equals(clients.getJsonObject(i).getString("clientId"))) {
        return clients.getJsonObject(i).getString("clientSecret");
      }
    }
    throw new IllegalStateException("the simulator has no platform client " + clientId);
  }

  /** The app registrations ({clientId, clientSecret, redirectUris, ...}). */
  public List<JsonObject> apps() {
    JsonArray apps = info.getJsonArray("apps");
    List<JsonObject> list = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      list.add(apps.getJsonObject(i));
    }
    return list;
  }

  private JsonObject platform() {
    return info.getJsonObject("platform");
  }
}
