package dev.o365connector.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.o365connector.testcontainers.SimulatorSetup.AppRegistration;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The calls the stack makes to a running simulator, from the host: its control API and tokens. */
final class SimulatorControl {

  /** Display name of the app registration the stack makes for auth-service. */
  static final String APP_NAME = "o365-connector (testcontainers)";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param baseUrl where the host reaches the simulator, e.g. {@code http://localhost:32768}
   */
  SimulatorControl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Registers an app for auth-service whose only redirect URI is {@code callbackUrl} (the demo
   * app's is {@code localhost}, which no container reaches) and reads the platform tenant.
   */
  SimulatorSetup setUp(String callbackUrl) {
    ObjectNode app = JSON.createObjectNode().put("displayName", APP_NAME);
    app.putArray("redirectUris").add(callbackUrl);
    JsonNode registered = send(post("/_sim/apps", "application/json", app.toString()), 201);
    return setup(send(get("/_sim/info"), 200), registered);
  }

  /** An access token for {@code client}, whose token URL must be one the host reaches. */
  String token(ClientCredentials client) {
    String form =
        form(
            Map.of(
                "grant_type", "client_credentials",
                "client_id", client.clientId(),
                "client_secret", client.clientSecret(),
                "scope", client.scope()));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(client.tokenUrl()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return send(request, 200).path("access_token").asText();
  }

  /** The platform tenant and demo tenant from {@code /_sim/info}; the app from its registration. */
  static SimulatorSetup setup(JsonNode info, JsonNode app) {
    JsonNode platform = info.path("platform");
    if (platform.isMissingNode() || platform.isNull()) {
      throw new IllegalStateException("the simulator has no platform tenant (started without it?)");
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    for (JsonNode client : platform.path("clients")) {
      secrets.put(client.path("clientId").asText(), client.path("clientSecret").asText());
    }
    List<String> redirectUris = new ArrayList<>();
    app.path("redirectUris").forEach(uri -> redirectUris.add(uri.asText()));
    return new SimulatorSetup(
        required(platform, "issuer"),
        required(platform, "tokenUrl"),
        secrets,
        required(info.path("tenants").path(0), "id"),
        new AppRegistration(
            required(app, "clientId"), required(app, "clientSecret"), redirectUris));
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText("");
    if (value.isEmpty()) {
      throw new IllegalStateException("the simulator's answer has no " + field + ": " + node);
    }
    return value;
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build();
  }

  private HttpRequest post(String path, String contentType, String body) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(TIMEOUT)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private JsonNode send(HttpRequest request, int expectedStatus) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri().getPath()
                + " at the simulator answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("the simulator at " + request.uri() + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the simulator", e);
    }
  }

  private static String form(Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach(
        (name, value) -> {
          if (form.length() > 0) {
            form.append('&');
          }
          form.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return form.toString();
  }
}
