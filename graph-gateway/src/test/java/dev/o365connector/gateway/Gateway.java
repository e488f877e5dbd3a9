package dev.o365connector.gateway;

import static io.restassured.RestAssured.given;

import dev.o365connector.stack.services.InstallFlow;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Calls through the gateway under test as an internal service would (a platform token with the
 * {@code graph.read} role), installs through the real auth-service, and drives the simulator's
 * control API.
 */
public final class Gateway {

  private static InstallFlow flow;
  private static String reader;

  private Gateway() {}

  public static synchronized InstallFlow installs() {
    if (flow == null) {
      flow =
          new InstallFlow(
              ConfigProvider.getConfig().getValue("o365.auth-service.url", String.class));
    }
    return flow;
  }

  /** The demo tenant installed with admin consent for every resource. */
  public static String applicationInstall() {
    return installs()
        .install(
            new JsonObject()
                .put("accountId", "gateway-tests")
                .put("type", "APPLICATION")
                .put("tenantId", installs().demoTenantId()));
  }

  /** The demo user's sign-in for {@code resources} (JSON array text, e.g. {@code ["mail"]}). */
  public static String delegatedInstall(String resources) {
    return installs()
        .install(
            new JsonObject(
                "{\"accountId\":\"gateway-tests\",\"type\":\"DELEGATED\",\"resources\":"
                    + resources
                    + "}"));
  }

  /** A caller holding {@code graph.read} (the sync-worker's identity). */
  public static synchronized String readerToken() {
    if (reader == null) {
      reader = installs().platformToken("sync-worker");
    }
    return reader;
  }

  /** {@code GET /graph/{installation}/v1.0{pathAndQuery}} as the reader. */
  public static Response get(String installation, String pathAndQuery) {
    return given()
        .header("Authorization", "Bearer " + readerToken())
        .urlEncodingEnabled(false)
        .get("/graph/" + installation + "/v1.0" + pathAndQuery);
  }

  /** The same for a full URL (a rewritten link). */
  public static Response follow(String url) {
    return given()
        .header("Authorization", "Bearer " + readerToken())
        .urlEncodingEnabled(false)
        .get(url);
  }

  public static String simulator() {
    return ConfigProvider.getConfig().getValue("o365.simulator.base-url", String.class);
  }

  public static JsonObject simulatorStats() {
    return new JsonObject(given().get(simulator() + "/_sim/stats").asString());
  }

  /** The Graph requests the simulator received at or after {@code since}, oldest first. */
  public static JsonArray graphRequestsSince(Instant since) {
    return new JsonObject(
            given()
                .queryParam("since", since.toString())
                .queryParam("limit", 10000)
                .get(simulator() + "/_sim/requests")
                .asString())
        .getJsonArray("requests");
  }

  public static void simulatorPost(String path, String json) {
    given()
        .contentType("application/json")
        .body(json)
        .post(simulator() + path)
        .then()
        .statusCode(org.hamcrest.Matchers.lessThan(300));
  }

  public static void simulatorDelete(String path) {
    given().delete(simulator() + path);
  }

  /**
   * Sends {@code target} as the request line byte for byte (HTTP clients normalise {@code ..} and
   * friends before sending); the status line and body of the answer.
   */
  public static String raw(int port, String target) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + readerToken()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
