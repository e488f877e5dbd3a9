package dev.o365connector.stack.services;

import dev.o365connector.stack.simulator.SimulatorInfo;
import dev.o365connector.stack.simulator.SimulatorServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Installs through a running auth-service exactly as a customer would: create the installation,
 * follow its consent URL at the simulator (which signs the demo user in or grants admin consent),
 * hand the redirect to auth-service's callback. Also fetches platform tokens for any internal
 * client of the simulator's platform tenant.
 */
public final class InstallFlow {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final String authUrl;
  private final String demoTenantId;
  private final String platformTokenUrl;
  private final UnaryOperator<String> platformSecrets;
  private final UnaryOperator<String> hostUrl;

  /** Against this JVM's shared simulator ({@link SimulatorServer}). */
  public InstallFlow(String authUrl) {
    this(authUrl, SimulatorInfo.read(SimulatorServer.sharedBaseUrl()));
  }

  /** Against the simulator that {@code simulator} describes. */
  public InstallFlow(String authUrl, SimulatorInfo simulator) {
    this(
        authUrl, simulator.demoTenantId(), simulator.platformTokenUrl(), simulator::platformSecret);
  }

  /**
   * Against any simulator: its demo tenant, its platform token URL and the secret of each platform
   * client.
   */
  public InstallFlow(
      String authUrl,
      String demoTenantId,
      String platformTokenUrl,
      UnaryOperator<String> platformSecrets) {
    this(authUrl, demoTenantId, platformTokenUrl, platformSecrets, UnaryOperator.identity());
  }

  /**
   * As above, for a stack whose URLs name hosts this machine reaches otherwise (containers on a
   * network of their own): {@code hostUrl} turns a consent URL or the token URL into this
   * machine's.
   */
  public InstallFlow(
      String authUrl,
      String demoTenantId,
      String platformTokenUrl,
      UnaryOperator<String> platformSecrets,
      UnaryOperator<String> hostUrl) {
    this.authUrl = authUrl;
    this.demoTenantId = demoTenantId;
    this.platformTokenUrl = hostUrl.apply(platformTokenUrl);
    this.platformSecrets = platformSecrets;
    this.hostUrl = hostUrl;
  }

  /** The simulator's demo tenant id. */
  public String demoTenantId() {
    return demoTenantId;
  }

  /** A platform access token of {@code clientId} (e.g. {@code platform-dev}: every role). */
  public String platformToken(String clientId) {
    String form =
        "grant_type=client_credentials&scope="
            + URLEncoder.encode("o365-connector/.default", StandardCharsets.UTF_8)
            + "&client_id="
            + clientId
            + "&client_secret="
            + URLEncoder.encode(platformSecrets.apply(clientId), StandardCharsets.UTF_8);
    JsonObject body =
        new JsonObject(
            send(
                HttpRequest.newBuilder(URI.create(platformTokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)),
                200));
    return body.getString("access_token");
  }

  /**
   * Creates an installation ({@code request} as {@code POST /installations} takes it) and completes
   * consent; its id.
   */
  public String install(JsonObject request) {
    JsonObject created = create(request);
    URI callback = consent(created.getString("consentUrl"));
    int status = deliver(callback.getRawQuery()).statusCode();
    if (status != 200) {
      throw new IllegalStateException("the callback answered " + status);
    }
    return created.getString("id");
  }

  /** Creates an installation; auth-service's answer (id, status PENDING, consentUrl). */
  public JsonObject create(JsonObject request) {
    return new JsonObject(
        send(
            HttpRequest.newBuilder(URI.create(authUrl + "/installations"))
                .header("Authorization", "Bearer " + platformToken("platform-dev"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.encode())),
            201));
  }

  /**
   * Follows a consent URL at the simulator, which signs the demo user in or grants admin consent;
   * where it sends the browser back to (auth-service's callback, with code or admin_consent, and
   * state).
   */
  public URI consent(String consentUrl) {
    HttpResponse<String> consent =
        exchange(HttpRequest.newBuilder(URI.create(hostUrl.apply(consentUrl))));
    return URI.create(consent.headers().firstValue("Location").orElseThrow());
  }

  /** Delivers a callback to auth-service with {@code rawQuery} as its query; the answer. */
  public HttpResponse<String> deliver(String rawQuery) {
    return exchange(
        HttpRequest.newBuilder(URI.create(authUrl + "/connector/callback?" + rawQuery)));
  }

  /** The installation as auth-service shows it. */
  public JsonObject installation(String installationId) {
    return new JsonObject(
        send(
            HttpRequest.newBuilder(URI.create(authUrl + "/installations/" + installationId))
                .header("Authorization", "Bearer " + platformToken("platform-dev")),
            200));
  }

  /**
   * Waits until the sync-worker at {@code workerUrl} has the installation as ACTIVE (its operator
   * endpoint says so), as a platform does before its first sync request: the request could
   * otherwise overtake the installation's event, and the worker refuses installations it has never
   * heard of.
   */
  public void awaitActiveAt(String workerUrl, String installationId, Duration timeout) {
    HttpRequest.Builder state =
        HttpRequest.newBuilder(
                URI.create(workerUrl + "/installations/" + installationId + "/sync-state"))
            .header("Authorization", "Bearer " + platformToken("platform-dev"));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = exchange(state);
      if (response.statusCode() == 200
          && "ACTIVE".equals(new JsonObject(response.body()).getString("installationStatus"))) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "the sync-worker did not have installation " + installationId + " as ACTIVE in " + timeout);
  }

  /** Uninstalls {@code installationId}. */
  public void uninstall(String installationId) {
    send(
        HttpRequest.newBuilder(URI.create(authUrl + "/installations/" + installationId))
            .header("Authorization", "Bearer " + platformToken("platform-dev"))
            .DELETE(),
        204);
  }

  private static String send(HttpRequest.Builder request, int expected) {
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          request.build().uri().getPath()
              + " answered "
              + response.statusCode()
              + " instead of "
              + expected
              + ": "
              + response.body());
    }
    return response.body();
  }

  private static HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
