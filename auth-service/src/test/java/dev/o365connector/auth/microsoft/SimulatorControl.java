package dev.o365connector.auth.microsoft;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The graph-simulator's sign-in pages and control API, as the tests of this package use them. */
final class SimulatorControl {

  static final String SCOPE = "openid offline_access https://graph.microsoft.com/Mail.Read";

  /** A tenant seeded for one test, so its consents and revocations touch no other test. */
  record Tenant(String id, String domain) {}

  /** A code from the authorize endpoint and the PKCE verifier it was asked for with. */
  record SignIn(String code, String codeVerifier) {}

  private final String baseUrl;
  private final String clientId;
  private final String redirectUri;

  SimulatorControl(String baseUrl, String clientId, String redirectUri) {
    this.baseUrl = baseUrl;
    this.clientId = clientId;
    this.redirectUri = redirectUri;
  }

  Tenant seedTenant() {
    String name = "entra-" + UUID.randomUUID().toString().substring(0, 8);
    JsonPath tenant =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("name", name, "users", 2))
            .post(baseUrl + "/_sim/tenants")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Tenant(tenant.getString("id"), tenant.getString("domain"));
  }

  /** A user of {@code tenant} signs in at {@code organizations} and consents to {@link #SCOPE}. */
  SignIn signIn(Tenant tenant) {
    String verifier = randomVerifier();
    Response response =
        given()
            .redirects()
            .follow(false)
            .queryParam("client_id", clientId)
            .queryParam("response_type", "code")
            .queryParam("redirect_uri", redirectUri)
            .queryParam("scope", SCOPE)
            .queryParam("state", "s")
            .queryParam("code_challenge", challenge(verifier))
            .queryParam("code_challenge_method", "S256")
            .queryParam("domain_hint", tenant.domain())
            .get(baseUrl + "/organizations/oauth2/v2.0/authorize");
    assertThat(response.statusCode()).isEqualTo(302);
    Map<String, String> query = query(response.header("Location"));
    assertThat(query).containsEntry("state", "s").containsKey("code");
    return new SignIn(query.get("code"), verifier);
  }

  void grantAdminConsent(Tenant tenant) {
    Response response =
        given()
            .redirects()
            .follow(false)
            .queryParam("client_id", clientId)
            .queryParam("scope", EntraOidcClients.GRAPH_DEFAULT_SCOPE)
            .queryParam("redirect_uri", redirectUri)
            .queryParam("state", "x")
            .get(baseUrl + "/" + tenant.id() + "/v2.0/adminconsent");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(query(response.header("Location")))
        .containsEntry("admin_consent", "True")
        .containsEntry("tenant", tenant.id());
  }

  void revokeRefreshTokens(Tenant tenant, String userId) {
    given()
        .queryParam("userId", userId)
        .post(baseUrl + "/_sim/tenants/" + tenant.id() + "/refresh-tokens/revoke")
        .then()
        .statusCode(200);
  }

  /** Adds a fault rule for {@code tenant}'s token endpoint; returns its id. */
  String addTokenFault(Tenant tenant, Map<String, Object> rule) {
    Map<String, Object> body = new HashMap<>(rule);
    body.put("pathRegex", "^/" + tenant.id() + "/oauth2/v2\\.0/token$");
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post(baseUrl + "/_sim/faults")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getString("id");
  }

  /** How often the fault rule answered. */
  int fired(String faultId) {
    return given()
        .get(baseUrl + "/_sim/faults")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getInt("find { it.id == '" + faultId + "' }.fired");
  }

  void removeFault(String faultId) {
    given().delete(baseUrl + "/_sim/faults/" + faultId);
  }

  /** Token requests to {@code tenant}'s endpoint that failed, injected faults included. */
  long failedTokenRequests(Tenant tenant) {
    Long failed =
        given()
            .get(baseUrl + "/_sim/stats")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getObject("tokens.failed.byTenant.'" + tenant.id() + "'", Long.class);
    return failed == null ? 0 : failed;
  }

  private static Map<String, String> query(String location) {
    Map<String, String> params = new HashMap<>();
    String query = URI.create(location).getRawQuery();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String randomVerifier() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
