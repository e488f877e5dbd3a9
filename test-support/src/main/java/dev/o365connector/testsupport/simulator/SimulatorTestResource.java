package dev.o365connector.testsupport.simulator;

import dev.o365connector.stack.simulator.SimulatorServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus test at the JVM's shared graph-simulator. Services map these onto their own
 * settings in their {@code %test} profile:
 *
 * <ul>
 *   <li>{@code o365.simulator.base-url} (login base URL), {@code o365.simulator.graph-base-url}
 *   <li>{@code o365.simulator.tenant.id}, {@code .domain}: the demo tenant
 *   <li>{@code o365.simulator.app.client-id}, {@code .client-secret}, {@code .redirect-uri}: the
 *       demo app registration
 *   <li>{@code o365.simulator.platform.issuer}, {@code .token-url} and {@code
 *       o365.simulator.platform.<client>.secret}: the platform OIDC provider and its clients
 * </ul>
 */
public class SimulatorTestResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    String baseUrl = SimulatorServer.sharedBaseUrl();
    // Read over HTTP: this class may live in another class loader than the running simulator.
    JsonObject info = info(baseUrl);
    Map<String, String> config = new HashMap<>();
    config.put("o365.simulator.base-url", baseUrl);
    config.put("o365.simulator.graph-base-url", info.getString("graphBaseUrl"));
    JsonObject tenant = info.getJsonArray("tenants").getJsonObject(0);
    config.put("o365.simulator.tenant.id", tenant.getString("id"));
    config.put("o365.simulator.tenant.domain", tenant.getString("domain"));
    JsonObject app = info.getJsonArray("apps").getJsonObject(0);
    config.put("o365.simulator.app.client-id", app.getString("clientId"));
    config.put("o365.simulator.app.client-secret", app.getString("clientSecret"));
    config.put("o365.simulator.app.redirect-uri", app.getJsonArray("redirectUris").getString(0));
    JsonObject platform = info.getJsonObject("platform");
    config.put("o365.simulator.platform.issuer", platform.getString("issuer"));
    config.put("o365.simulator.platform.token-url", platform.getString("tokenUrl"));
    JsonArray clients = platform.getJsonArray("clients");
    for (int i = 0; i < clients.size(); i++) {
      JsonObject client = clients.getJsonObject(i);
      config.put(
          "o365.simulator.platform." + client.getString("clientId") + ".secret",
          client.getString("clientSecret"));
    }
    return config;
  }

  @Override
  public void stop() {
    // The simulator outlives each test class; the JVM's shutdown hook stops it.
  }

  private static JsonObject info(String baseUrl) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/info")).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "graph-simulator /_sim/info answered " + response.statusCode());
      }
      return new JsonObject(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("graph-simulator at " + baseUrl + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
