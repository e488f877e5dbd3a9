package dev.o365connector.testcontainers;

import static dev.o365connector.testcontainers.ConnectorService.AUTH_SERVICE;
import static dev.o365connector.testcontainers.ConnectorService.GRAPH_SIMULATOR;
import static dev.o365connector.testcontainers.ConnectorService.SYNC_WORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.o365connector.recipe.TokenKeysets;
import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack's set-up run against a real simulator started the way the container starts it (with its
 * alias as host), in this JVM: what the services are given is what the simulator accepts.
 */
class SimulatorWiringTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

  private static GraphSimulator simulator;
  private static HostUrls hostUrls;
  private static SimulatorControl control;
  private static SimulatorSetup setup;

  @BeforeAll
  static void start() {
    SimulatorConfig config = SimulatorConfig.defaults().withHost(GRAPH_SIMULATOR.alias());
    simulator = new GraphSimulator(config).start();
    String local = "localhost:" + simulator.port();
    // The container listens on 8089, this one on a free port: both names lead to it.
    hostUrls =
        new HostUrls(
            Map.of(
                GRAPH_SIMULATOR.alias() + ":" + simulator.port(), local,
                GRAPH_SIMULATOR.alias() + ":" + GRAPH_SIMULATOR.port(), local));
    control = new SimulatorControl("http://" + local);
    setup = control.setUp(ServiceEnvironment.CALLBACK_URL);
  }

  @AfterAll
  static void stop() {
    simulator.stop();
  }

  @Test
  void theIssuerIsTheSimulatorsUnderItsAlias() throws Exception {
    String issuer = setup.platformIssuer();

    assertThat(issuer).startsWith("http://graph-simulator:");
    JsonNode discovery = get(hostUrls.toHost(issuer + "/.well-known/openid-configuration"));
    assertThat(discovery.path("issuer").asText()).isEqualTo(issuer);
    assertThat(setup.platformTokenUrl()).isEqualTo(discovery.path("token_endpoint").asText());
  }

  @Test
  void gatewayAndWorkerSecretsGetTokensWithTheRolesTheyNeed() {
    Map<String, String> gateway = ServiceEnvironment.graphGateway(setup);
    Map<String, String> worker = ServiceEnvironment.syncWorker(setup, database(SYNC_WORKER));

    assertThat(claims(platformToken(gateway)).path("roles").toString()).contains("tokens.issue");
    assertThat(claims(platformToken(worker)).path("roles").toString()).contains("graph.read");
    assertThat(claims(platformToken(gateway)).path("iss").asText())
        .isEqualTo(gateway.get("O365_PLATFORM_ISSUER"));
    assertThat(claims(platformToken(gateway)).path("aud").asText()).isEqualTo("o365-connector");
  }

  @Test
  void theDevClientHoldsEveryInternalRole() {
    ClientCredentials dev =
        new ClientCredentials(
            ServiceEnvironment.DEV_CLIENT,
            setup.platformSecret(ServiceEnvironment.DEV_CLIENT),
            hostUrls.toHost(setup.platformTokenUrl()),
            ClientCredentials.CONNECTOR_SCOPE);

    assertThat(claims(control.token(dev)).path("roles").toString())
        .contains("installations.write", "installations.read", "tokens.issue", "graph.read");
    assertThat(dev.toString()).doesNotContain(dev.clientSecret());
  }

  @Test
  void aWrongSecretGetsNoToken() {
    ClientCredentials wrong =
        new ClientCredentials(
            ServiceEnvironment.GATEWAY_CLIENT,
            "not-the-secret",
            hostUrls.toHost(setup.platformTokenUrl()),
            ClientCredentials.CONNECTOR_SCOPE);

    assertThatThrownBy(() -> control.token(wrong))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("401");
  }

  /** What auth-service does for an APPLICATION installation, with the values it is given. */
  @Test
  void authServicesAppCompletesAdminConsentAndGetsGraphTokens() throws Exception {
    Map<String, String> auth =
        ServiceEnvironment.authService(setup, database(AUTH_SERVICE), TokenKeysets.fresh());
    String login = auth.get("O365_LOGIN_BASE_URL");
    String tenant = setup.demoTenantId();

    HttpResponse<String> consent =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        hostUrls.toHost(login)
                            + "/"
                            + tenant
                            + "/v2.0/adminconsent?"
                            + form(
                                Map.of(
                                    "client_id",
                                    auth.get("O365_CLIENT_ID"),
                                    "redirect_uri",
                                    auth.get("O365_CALLBACK_URL"),
                                    "state",
                                    "s-1",
                                    "scope",
                                    GRAPH_DEFAULT))))
                .build());
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
    assertThat(consent.headers().firstValue("Location").orElseThrow())
        .startsWith(auth.get("O365_CALLBACK_URL") + "?")
        .contains("admin_consent=True", "tenant=" + tenant, "state=s-1");

    ClientCredentials app =
        new ClientCredentials(
            auth.get("O365_CLIENT_ID"),
            auth.get("O365_CLIENT_SECRET"),
            hostUrls.toHost(login) + "/" + tenant + "/oauth2/v2.0/token",
            GRAPH_DEFAULT);
    JsonNode graphToken = claims(control.token(app));
    assertThat(graphToken.path("tid").asText()).isEqualTo(tenant);
    assertThat(graphToken.path("roles").toString()).contains("Mail.Read", "Files.Read.All");
  }

  @Test
  void theAppRegistrationIsAuthServicesOwnNotTheDemoApps() throws Exception {
    JsonNode apps = get(hostUrls.toHost(GRAPH_SIMULATOR.internalUrl()) + "/_sim/info").path("apps");

    assertThat(apps.size()).isEqualTo(2);
    assertThat(setup.app().redirectUris())
        .containsExactly("http://auth-service:8081/connector/callback");
    assertThat(apps.findValuesAsText("clientId")).contains(setup.app().clientId());
  }

  private static DatabaseLogin database(ConnectorService service) {
    return Databases.fresh(new SecureRandom()).get(service);
  }

  private static String platformToken(Map<String, String> env) {
    return control.token(
        new ClientCredentials(
            env.get("O365_PLATFORM_CLIENT_ID"),
            env.get("O365_PLATFORM_CLIENT_SECRET"),
            hostUrls.toHost(setup.platformTokenUrl()),
            ClientCredentials.CONNECTOR_SCOPE));
  }

  private static JsonNode claims(String jwt) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).build());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach(
        (name, value) ->
            form.append(form.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return form.toString();
  }
}
