package dev.o365connector.simulator.identity;

import static dev.o365connector.simulator.identity.IdentityFixture.DELEGATED_SCOPE;
import static dev.o365connector.simulator.identity.IdentityFixture.STATE;
import static dev.o365connector.simulator.identity.IdentityFixture.assertErrorRedirect;
import static dev.o365connector.simulator.identity.IdentityFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.User;
import dev.o365connector.simulator.testing.PkcePair;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthorizeTest {

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
  void consentsAtOnceAndRedirectsWithCodeStateAndSessionState() {
    Response response = f.authorize(f.tenant.id(), f.authorizeParams(pkce, DELEGATED_SCOPE));

    assertThat(response.statusCode()).isEqualTo(302);
    String location = response.header("Location");
    assertThat(location).startsWith(f.redirectUri() + "?code=");
    Map<String, String> query = query(location);
    assertThat(query.keySet()).containsExactly("code", "state", "session_state");
    assertThat(query.get("code")).hasSizeGreaterThan(40);
    assertThat(query).containsEntry("state", STATE);
  }

  @Test
  void codesAreUnique() {
    assertThat(f.code(pkce, DELEGATED_SCOPE)).isNotEqualTo(f.code(pkce, DELEGATED_SCOPE));
  }

  @Test
  void theTenantSegmentMayBeTheDomainOrOrganizations() {
    assertThat(f.authorize(f.tenant.domain(), f.authorizeParams(pkce, "User.Read")).statusCode())
        .isEqualTo(302);
    Map<String, String> params = f.authorizeParams(pkce, "openid Mail.Read");
    params.put("login_hint", f.firstUser().userPrincipalName());
    Response organizations = f.authorize("organizations", params);
    assertThat(query(organizations.header("Location"))).containsKey("code");
    Response common = f.authorize("common", f.authorizeParams(pkce, "openid"));
    assertThat(query(common.header("Location"))).containsKey("code");
  }

  @Test
  void loginHintPicksTheUserByUpnOrId() {
    User second = f.directory.locked(() -> f.tenant.users().live().get(1));
    for (String hint : new String[] {second.userPrincipalName(), second.id()}) {
      Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
      params.put("login_hint", hint);
      String code = query(f.authorize("organizations", params).header("Location")).get("code");
      var redeemed = f.token(f.redemption(code, pkce));
      var claims = f.verifier().verify(redeemed.jsonPath().getString("access_token"));
      assertThat(claims.getString("oid")).isEqualTo(second.id());
      assertThat(claims.getString("tid")).isEqualTo(f.tenant.id());
    }
  }

  @Test
  void unknownLoginHintRedirectsWithInvalidRequest() {
    Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
    params.put("login_hint", "nobody@" + f.tenant.domain());

    Map<String, String> query =
        assertErrorRedirect(f.authorize(f.tenant.id(), params), "invalid_request", 50034);

    assertThat(query).containsEntry("state", STATE).doesNotContainKey("code");
  }

  @Test
  void unknownTenantShowsAnErrorPageInsteadOfRedirecting() {
    Response page = f.authorize("nope.onmicrosoft.com", f.authorizeParams(pkce, DELEGATED_SCOPE));

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.header("Location")).isNull();
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.asString()).contains("AADSTS90002: Tenant &#39;nope.onmicrosoft.com&#39;");
  }

  @Test
  void errorPagesAnswerJsonWhenAskedFor() {
    Response page =
        io.restassured.RestAssured.given()
            .accept("application/json")
            .redirects()
            .follow(false)
            .queryParams(f.authorizeParams(pkce, DELEGATED_SCOPE))
            .get(f.base() + "/00000000-0000-0000-0000-000000000000/oauth2/v2.0/authorize");

    IdentityFixture.assertEntraError(page, 400, "invalid_request", 90002);
  }

  @Test
  void unknownClientShowsAnErrorPage() {
    Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
    params.put("client_id", "11111111-2222-3333-4444-555555555555");

    Response page = f.authorize(f.tenant.id(), params);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.header("Location")).isNull();
    assertThat(page.asString()).contains("AADSTS700016");
  }

  @Test
  void unregisteredRedirectUriIsNeverRedirectedTo() {
    Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
    params.put("redirect_uri", "https://evil.example/callback");

    Response page = f.authorize(f.tenant.id(), params);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.header("Location")).isNull();
    assertThat(page.asString()).contains("AADSTS50011").doesNotContain("code=");
    params.put("redirect_uri", f.redirectUri() + "/");
    assertThat(f.authorize(f.tenant.id(), params).statusCode()).isEqualTo(400);
    params.remove("redirect_uri");
    assertThat(f.authorize(f.tenant.id(), params).asString()).contains("AADSTS900971");
  }

  @Test
  void responseTypeOtherThanCodeIsRedirectedAsUnsupported() {
    Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
    params.put("response_type", "token");

    assertErrorRedirect(f.authorize(f.tenant.id(), params), "unsupported_response_type", 70005);
  }

  @Test
  void unknownOrMissingScopesAreRefused() {
    Response unknown =
        f.authorize(f.tenant.id(), f.authorizeParams(pkce, "openid Mail.Send offline_access"));
    assertThat(assertErrorRedirect(unknown, "invalid_scope", 70011).get("error_description"))
        .contains("Mail.Send");
    Response onlyOfflineAccess =
        f.authorize(f.tenant.id(), f.authorizeParams(pkce, "offline_access"));
    assertErrorRedirect(onlyOfflineAccess, "invalid_scope", 70011);
    Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
    params.remove("scope");
    assertErrorRedirect(f.authorize(f.tenant.id(), params), "invalid_request", 900144);
  }

  @Test
  void pkceIsRequiredWithS256() {
    Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
    params.put("code_challenge_method", "plain");
    assertErrorRedirect(f.authorize(f.tenant.id(), params), "invalid_request", 50149);
    params.remove("code_challenge_method");
    assertErrorRedirect(f.authorize(f.tenant.id(), params), "invalid_request", 50149);
    params.put("code_challenge_method", "S256");
    params.put("code_challenge", "too-short");
    assertErrorRedirect(f.authorize(f.tenant.id(), params), "invalid_request", 501491);
    params.remove("code_challenge");
    assertErrorRedirect(f.authorize(f.tenant.id(), params), "invalid_request", 900144);
  }

  @Test
  void fragmentAndFormPostResponseModes() {
    Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
    params.put("response_mode", "fragment");
    String location = f.authorize(f.tenant.id(), params).header("Location");
    assertThat(location).startsWith(f.redirectUri() + "#code=");

    params.put("response_mode", "form_post");
    Response formPost = f.authorize(f.tenant.id(), params);
    assertThat(formPost.statusCode()).isEqualTo(200);
    assertThat(formPost.asString())
        .contains("action=\"" + f.redirectUri() + "\"")
        .contains("name=\"code\"")
        .contains("name=\"state\" value=\"" + STATE + "\"");
  }

  @Test
  void scriptedDeclineAnswersAccessDenied() {
    f.state().consentDecisions().declineNextUserConsent();

    Map<String, String> declined =
        assertErrorRedirect(
            f.authorize(f.tenant.id(), f.authorizeParams(pkce, DELEGATED_SCOPE)),
            "access_denied",
            65004);

    assertThat(declined).containsEntry("state", STATE);
    assertThat(f.authorize(f.tenant.id(), f.authorizeParams(pkce, DELEGATED_SCOPE)).statusCode())
        .isEqualTo(302);
    assertThat(
            query(f.authorize(f.tenant.id(), f.authorizeParams(pkce, "openid")).header("Location")))
        .containsKey("code");
  }
}
