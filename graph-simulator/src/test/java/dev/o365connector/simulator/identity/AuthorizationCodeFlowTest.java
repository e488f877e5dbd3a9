package dev.o365connector.simulator.identity;

import static dev.o365connector.simulator.identity.IdentityFixture.DELEGATED_SCOPE;
import static dev.o365connector.simulator.identity.IdentityFixture.assertEntraError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.testing.JwksVerifier;
import dev.o365connector.simulator.testing.PkcePair;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest {

  private static IdentityFixture f;
  private final PkcePair pkce = PkcePair.generate();

  @BeforeAll
  static void start() {
    f = IdentityFixture.start(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  @Test
  void fullPkceFlowWithRefreshRotationAndRevocation() {
    String code = f.code(pkce, DELEGATED_SCOPE);
    Response redeemed = f.token(f.redemption(code, pkce));
    assertThat(redeemed.statusCode()).as(redeemed.asString()).isEqualTo(200);
    assertThat(redeemed.header("Cache-Control")).isEqualTo("no-store");
    JsonObject tokens = new JsonObject(redeemed.asString());
    assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
    assertThat(tokens.getLong("expires_in")).isEqualTo(3600L);
    assertThat(tokens.getLong("ext_expires_in")).isEqualTo(3600L);
    assertThat(tokens.getString("scope"))
        .isEqualTo(
            "https://graph.microsoft.com/Calendars.Read https://graph.microsoft.com/Files.Read"
                + " https://graph.microsoft.com/Mail.Read https://graph.microsoft.com/User.Read.All"
                + " openid profile offline_access");
    assertThat(tokens.getString("id_token")).isNotBlank();
    String firstRefresh = tokens.getString("refresh_token");
    assertThat(firstRefresh).isNotBlank();

    Response refreshed = f.token(f.refresh(firstRefresh));
    assertThat(refreshed.statusCode()).as(refreshed.asString()).isEqualTo(200);
    String secondRefresh = refreshed.jsonPath().getString("refresh_token");
    assertThat(secondRefresh).isNotBlank().isNotEqualTo(firstRefresh);
    assertThat(refreshed.jsonPath().getString("access_token"))
        .isNotEqualTo(tokens.getString("access_token"));

    Response oldAgain = f.token(f.refresh(firstRefresh));
    assertThat(oldAgain.statusCode()).as("Entra keeps the old refresh token valid").isEqualTo(200);

    int revoked = f.state().refreshTokens().revokeRefreshTokens(f.tenant.id(), f.firstUser().id());
    assertThat(revoked).isGreaterThanOrEqualTo(3);
    assertEntraError(f.token(f.refresh(firstRefresh)), 400, "invalid_grant", 50173);
    assertEntraError(f.token(f.refresh(secondRefresh)), 400, "invalid_grant", 50173);

    JsonObject again = f.signIn(DELEGATED_SCOPE);
    assertThat(f.token(f.refresh(again.getString("refresh_token"))).statusCode())
        .as("a new sign-in after revocation works")
        .isEqualTo(200);
  }

  @Test
  void accessTokenIsAnRs256JwtVerifiableWithTheJwks() {
    JsonObject tokens = f.signIn(DELEGATED_SCOPE);
    User user = f.firstUser();
    String accessToken = tokens.getString("access_token");

    JsonObject header = JwksVerifier.header(accessToken);
    JsonObject claims = f.verifier().verify(accessToken);

    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(header.getString("kid")).isEqualTo(f.sim.context().signingKey().keyId());
    assertThat(claims.getString("aud")).isEqualTo("https://graph.microsoft.com");
    assertThat(claims.getString("iss")).isEqualTo(f.base() + "/" + f.tenant.id() + "/v2.0");
    assertThat(claims.getString("tid")).isEqualTo(f.tenant.id());
    assertThat(claims.getString("oid")).isEqualTo(user.id());
    assertThat(claims.getString("sub")).isNotBlank().isNotEqualTo(user.id());
    assertThat(claims.getString("appid")).isEqualTo(f.clientId());
    assertThat(claims.getString("azp")).isEqualTo(f.clientId());
    assertThat(claims.getString("idtyp")).isEqualTo("user");
    assertThat(claims.getString("scp"))
        .isEqualTo("Calendars.Read Files.Read Mail.Read User.Read.All");
    assertThat(claims.getString("upn")).isEqualTo(user.userPrincipalName());
    assertThat(claims.getString("preferred_username")).isEqualTo(user.userPrincipalName());
    assertThat(claims.getString("name")).isEqualTo(user.displayName());
    assertThat(claims.containsKey("roles")).isFalse();
    long now = Instant.now().getEpochSecond();
    assertThat(claims.getLong("iat")).isBetween(now - 60, now + 1);
    assertThat(claims.getLong("nbf")).isEqualTo(claims.getLong("iat"));
    assertThat(claims.getLong("exp")).isEqualTo(claims.getLong("iat") + 3600);
  }

  @Test
  void idTokenIsForTheClientAndCarriesTheNonce() {
    Map<String, String> params = f.authorizeParams(pkce, "openid profile User.Read");
    params.put("nonce", "n-0S6_WzA2Mj");
    String code =
        IdentityFixture.query(f.authorize(f.tenant.id(), params).header("Location")).get("code");
    JsonObject tokens = new JsonObject(f.token(f.redemption(code, pkce)).asString());

    JsonObject id = f.verifier().verify(tokens.getString("id_token"));

    assertThat(id.getString("aud")).isEqualTo(f.clientId());
    assertThat(id.getString("iss")).isEqualTo(f.base() + "/" + f.tenant.id() + "/v2.0");
    assertThat(id.getString("tid")).isEqualTo(f.tenant.id());
    assertThat(id.getString("oid")).isEqualTo(f.firstUser().id());
    assertThat(id.getString("preferred_username")).isEqualTo(f.firstUser().userPrincipalName());
    assertThat(id.getString("name")).isEqualTo(f.firstUser().displayName());
    assertThat(id.getString("ver")).isEqualTo("2.0");
    assertThat(id.getString("nonce")).isEqualTo("n-0S6_WzA2Mj");
    assertThat(id.getLong("exp")).isGreaterThan(id.getLong("iat"));
    assertThat(tokens.containsKey("refresh_token")).as("no offline_access").isFalse();
  }

  @Test
  void withoutOpenidThereIsNoIdToken() {
    JsonObject tokens = f.signIn("offline_access Mail.Read");

    assertThat(tokens.containsKey("id_token")).isFalse();
    assertThat(tokens.getString("refresh_token")).isNotBlank();
    assertThat(tokens.getString("scope"))
        .isEqualTo("https://graph.microsoft.com/Mail.Read offline_access");
  }

  @Test
  void aCodeIsRedeemedOnlyOnce() {
    String code = f.code(pkce, DELEGATED_SCOPE);
    assertThat(f.token(f.redemption(code, pkce)).statusCode()).isEqualTo(200);

    assertEntraError(f.token(f.redemption(code, pkce)), 400, "invalid_grant", 54005);
  }

  @Test
  void wrongCodeVerifierIsRefused() {
    String code = f.code(pkce, DELEGATED_SCOPE);

    Response response = f.token(f.redemption(code, PkcePair.generate()));

    assertEntraError(response, 400, "invalid_grant", 501481);
    assertEntraError(f.token(f.redemption(code, pkce)), 400, "invalid_grant", 54005);
  }

  @Test
  void missingCodeVerifierIsRefused() {
    Map<String, String> form = f.redemption(f.code(pkce, DELEGATED_SCOPE), pkce);
    form.remove("code_verifier");

    assertEntraError(f.token(form), 400, "invalid_grant", 50148);
  }

  @Test
  void redirectUriMustEqualTheAuthorizeOne() {
    Map<String, String> form = f.redemption(f.code(pkce, DELEGATED_SCOPE), pkce);
    form.put("redirect_uri", "http://localhost:8081/other");
    assertEntraError(f.token(form), 400, "invalid_grant", 500112);

    form.remove("redirect_uri");
    assertEntraError(f.token(form), 400, "invalid_request", 900144);
  }

  @Test
  void unknownCodeIsAnInvalidGrant() {
    assertEntraError(f.token(f.redemption("1.Anot-a-code", pkce)), 400, "invalid_grant", 9002313);
  }

  @Test
  void aCodeIsRedeemedOnlyAtItsOwnTenant() {
    var other =
        new dev.o365connector.simulator.seed.Seeder(f.directory)
            .seedTenant(new dev.o365connector.simulator.seed.SeedSpec("fabrikam", 2, 0, 0));
    String code = f.code(pkce, DELEGATED_SCOPE);

    assertEntraError(f.token(other.id(), f.redemption(code, pkce)), 400, "invalid_grant", 700005);
  }

  @Test
  void codesRedeemAtOrganizationsAndByDomainToo() {
    assertThat(f.token("organizations", f.redemption(f.code(pkce, "openid"), pkce)).statusCode())
        .isEqualTo(200);
    assertThat(
            f.token(f.tenant.domain(), f.redemption(f.code(pkce, "User.Read"), pkce)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void clientSecretsAreChecked() {
    Map<String, String> form = f.redemption(f.code(pkce, DELEGATED_SCOPE), pkce);
    form.put("client_secret", "wrong");
    assertEntraError(f.token(form), 401, "invalid_client", 7000215);
    form.remove("client_secret");
    assertEntraError(f.token(form), 401, "invalid_client", 7000218);
  }

  @Test
  void httpBasicClientAuthenticationWorks() {
    Map<String, String> form = f.redemption(f.code(pkce, DELEGATED_SCOPE), pkce);
    form.remove("client_id");
    form.remove("client_secret");

    Response response =
        given()
            .auth()
            .preemptive()
            .basic(f.clientId(), f.secret())
            .formParams(form)
            .post(f.base() + "/" + f.tenant.id() + "/oauth2/v2.0/token");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);

    Response wrong =
        given()
            .auth()
            .preemptive()
            .basic(f.clientId(), "wrong")
            .formParams(f.redemption(f.code(pkce, DELEGATED_SCOPE), pkce))
            .formParam("client_secret", "ignored")
            .post(f.base() + "/" + f.tenant.id() + "/oauth2/v2.0/token");
    assertEntraError(wrong, 401, "invalid_client", 7000215);
  }

  @Test
  void unknownClientIsUnauthorized() {
    Map<String, String> form = f.redemption(f.code(pkce, DELEGATED_SCOPE), pkce);
    form.put("client_id", "11111111-2222-3333-4444-555555555555");

    assertEntraError(f.token(form), 400, "unauthorized_client", 700016);
  }

  @Test
  void aCodeOfAnotherClientIsRefusedAndNotBurnt() {
    String code = f.code(pkce, DELEGATED_SCOPE);
    var intruder =
        new dev.o365connector.simulator.seed.Seeder(f.directory)
            .registerApp(
                "intruder",
                java.util.List.of(f.redirectUri()),
                dev.o365connector.simulator.seed.Seeder.CONNECTOR_APP_PERMISSIONS);
    Map<String, String> form = f.redemption(code, pkce);
    form.put("client_id", intruder.clientId());
    form.put("client_secret", intruder.secrets().get(0));

    assertEntraError(f.token(form), 400, "invalid_grant", 70000);
    assertThat(f.token(f.redemption(code, pkce)).statusCode()).isEqualTo(200);
  }

  @Test
  void requestErrorsOfTheTokenEndpoint() {
    assertEntraError(
        f.token(Map.of("grant_type", "password", "client_id", f.clientId())),
        400,
        "unsupported_grant_type",
        70003);
    assertEntraError(f.token(Map.of("client_id", f.clientId())), 400, "invalid_request", 900144);
    assertEntraError(
        f.token("nope.onmicrosoft.com", f.redemption("x", pkce)), 400, "invalid_request", 90002);
    assertEntraError(
        given().get(f.base() + "/" + f.tenant.id() + "/oauth2/v2.0/token"),
        400,
        "invalid_request",
        900561);
  }

  @Test
  void correlationIdEchoesClientRequestId() {
    String correlation = "0a49cdbc-2e94-4089-bc6f-1162b123592c";

    Response response =
        given()
            .header("client-request-id", correlation)
            .formParams(f.redemption("1.Anot-a-code", pkce))
            .post(f.base() + "/" + f.tenant.id() + "/oauth2/v2.0/token");

    assertThat(response.jsonPath().getString("correlation_id")).isEqualTo(correlation);
  }

  @Test
  void countersRecordGrantsAndErrors() {
    IdentityCounters counters = f.state().counters();
    long before = counters.tokensIssued("authorization_code");
    long replays = counters.errors(54005);
    String code = f.code(pkce, DELEGATED_SCOPE);
    f.token(f.redemption(code, pkce));
    f.token(f.redemption(code, pkce));

    assertThat(counters.tokensIssued("authorization_code")).isEqualTo(before + 1);
    assertThat(counters.errors(54005)).isEqualTo(replays + 1);
    assertThat(counters.snapshot()).containsKey("authorize.code");
  }
}
