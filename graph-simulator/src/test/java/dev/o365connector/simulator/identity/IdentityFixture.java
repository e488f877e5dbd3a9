package dev.o365connector.simulator.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.GraphSimulator;
import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.AppRegistration;
import dev.o365connector.simulator.directory.Directory;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.testing.JwksVerifier;
import dev.o365connector.simulator.testing.PkcePair;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A started simulator with the demo tenant and app, and the OAuth requests tests send. */
final class IdentityFixture {

  static final String DELEGATED_SCOPE =
      "openid profile offline_access https://graph.microsoft.com/User.Read.All"
          + " https://graph.microsoft.com/Mail.Read Calendars.Read Files.Read";
  static final String STATE = "state-4711";

  final GraphSimulator sim;
  final Directory directory;
  final AppRegistration app;
  final Tenant tenant;

  private IdentityFixture(GraphSimulator sim) {
    this.sim = sim;
    this.directory = sim.context().directory();
    this.app = directory.apps().iterator().next();
    this.tenant =
        directory.tenants().stream()
            .filter(t -> directory.platformTenant().map(p -> p != t).orElse(true))
            .findFirst()
            .orElseThrow();
  }

  static IdentityFixture start(SimulatorConfig config) {
    return new IdentityFixture(new GraphSimulator(config).start());
  }

  void stop() {
    sim.stop();
  }

  String base() {
    return sim.baseUrl();
  }

  String clientId() {
    return app.clientId();
  }

  String secret() {
    return app.secrets().get(0);
  }

  String redirectUri() {
    return app.redirectUris().get(0);
  }

  User firstUser() {
    return directory.locked(() -> tenant.users().live().get(0));
  }

  Tenant platform() {
    return directory.platformTenant().orElseThrow();
  }

  IdentityState state() {
    return IdentityState.of(sim.context());
  }

  Map<String, String> authorizeParams(PkcePair pkce, String scope) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", clientId());
    params.put("response_type", "code");
    params.put("redirect_uri", redirectUri());
    params.put("scope", scope);
    params.put("state", STATE);
    params.put("code_challenge", pkce.challenge());
    params.put("code_challenge_method", "S256");
    return params;
  }

  Response authorize(String tenantSegment, Map<String, String> params) {
    return given()
        .redirects()
        .follow(false)
        .queryParams(params)
        .get(base() + "/" + tenantSegment + "/oauth2/v2.0/authorize");
  }

  /** Runs authorize for the demo tenant and returns the code from the redirect. */
  String code(PkcePair pkce, String scope) {
    Response response = authorize(tenant.id(), authorizeParams(pkce, scope));
    assertThat(response.statusCode()).isEqualTo(302);
    Map<String, String> query = query(response.header("Location"));
    assertThat(query).containsKey("code").containsEntry("state", STATE);
    return query.get("code");
  }

  Response token(String tenantSegment, Map<String, String> form) {
    return given().formParams(form).post(base() + "/" + tenantSegment + "/oauth2/v2.0/token");
  }

  Response token(Map<String, String> form) {
    return token(tenant.id(), form);
  }

  Map<String, String> redemption(String code, PkcePair pkce) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId());
    form.put("client_secret", secret());
    form.put("code", code);
    form.put("redirect_uri", redirectUri());
    form.put("code_verifier", pkce.verifier());
    return form;
  }

  Map<String, String> refresh(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", clientId());
    form.put("client_secret", secret());
    form.put("refresh_token", refreshToken);
    return form;
  }

  Map<String, String> clientCredentials(String scope) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId());
    form.put("client_secret", secret());
    form.put("scope", scope);
    return form;
  }

  /** Signed in and redeemed: the token response of the demo user's full delegated sign-in. */
  JsonObject signIn(String scope) {
    PkcePair pkce = PkcePair.generate();
    Response response = token(redemption(code(pkce, scope), pkce));
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return new JsonObject(response.asString());
  }

  JwksVerifier verifier() {
    return new JwksVerifier(
        new JsonObject(given().get(base() + "/common/discovery/v2.0/keys").asString()));
  }

  /** The query (or fragment) parameters of a redirect location, decoded. */
  static Map<String, String> query(String location) {
    URI uri = URI.create(location);
    String raw = uri.getRawQuery() != null ? uri.getRawQuery() : uri.getRawFragment();
    Map<String, String> params = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  /** Asserts an Entra token-endpoint error body, field by field. */
  static void assertEntraError(Response response, int status, String error, int code) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    JsonObject body = new JsonObject(response.asString());
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getJsonArray("error_codes").getList()).containsExactly(code);
    assertThat(body.getString("error_description"))
        .startsWith("AADSTS" + code + ": ")
        .contains("Trace ID: ", "Correlation ID: ", "Timestamp: ");
    assertThat(body.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
    assertThat(body.getString("trace_id")).matches(GUID);
    assertThat(body.getString("correlation_id")).matches(GUID);
    assertThat(body.getString("error_uri")).endsWith("/error?code=" + code);
  }

  /** Asserts an error redirect to the app: {@code error} and an AADSTS description. */
  static Map<String, String> assertErrorRedirect(Response response, String error, int code) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(302);
    Map<String, String> query = query(response.header("Location"));
    assertThat(query).containsEntry("error", error);
    assertThat(query.get("error_description")).startsWith("AADSTS" + code + ": ");
    return query;
  }

  static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
}
