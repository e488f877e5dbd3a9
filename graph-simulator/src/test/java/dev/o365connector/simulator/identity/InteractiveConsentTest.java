package dev.o365connector.simulator.identity;

import static dev.o365connector.simulator.identity.IdentityFixture.DELEGATED_SCOPE;
import static dev.o365connector.simulator.identity.IdentityFixture.STATE;
import static dev.o365connector.simulator.identity.IdentityFixture.assertErrorRedirect;
import static dev.o365connector.simulator.identity.IdentityFixture.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import dev.o365connector.simulator.testing.PkcePair;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InteractiveConsentTest {

  private static final Pattern FORM =
      Pattern.compile("action=\"([^\"]+)\".*name=\"request\" value=\"([^\"]+)\"", Pattern.DOTALL);

  private static IdentityFixture f;
  private final PkcePair pkce = PkcePair.generate();

  @BeforeAll
  static void start() {
    f = IdentityFixture.start(SimulatorConfig.defaults().withInteractiveConsent(true));
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  /** The consent page's form: its action path and the one-time request id. */
  private static String[] form(Response page) {
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    Matcher matcher = FORM.matcher(page.asString());
    assertThat(matcher.find()).as(page.asString()).isTrue();
    return new String[] {matcher.group(1), matcher.group(2)};
  }

  private static Response answer(String[] form, String action) {
    return given()
        .redirects()
        .follow(false)
        .formParam("request", form[1])
        .formParam("action", action)
        .post(f.base() + form[0]);
  }

  @Test
  void consentPageListsThePermissionsAndCarriesNoRawParameters() {
    Response page = f.authorize(f.tenant.id(), f.authorizeParams(pkce, DELEGATED_SCOPE));

    String html = page.asString();
    assertThat(html)
        .contains("Mail.Read", "User.Read.All", "Calendars.Read", "Files.Read", "offline_access")
        .contains(f.app.displayName())
        .contains(f.firstUser().userPrincipalName())
        .contains("value=\"accept\"", "value=\"cancel\"")
        .doesNotContain(pkce.challenge())
        .doesNotContain(f.redirectUri())
        .doesNotContain(STATE);
    assertThat(form(page)[0]).isEqualTo("/" + f.tenant.id() + "/oauth2/v2.0/authorize/consent");
  }

  @Test
  void acceptRedirectsWithACodeThatRedeems() {
    String[] form = form(f.authorize(f.tenant.id(), f.authorizeParams(pkce, DELEGATED_SCOPE)));

    Response accepted = answer(form, "accept");

    assertThat(accepted.statusCode()).isEqualTo(302);
    Map<String, String> query = query(accepted.header("Location"));
    assertThat(query).containsEntry("state", STATE).containsKey("code");
    assertThat(f.token(f.redemption(query.get("code"), pkce)).statusCode()).isEqualTo(200);
    Response replay = answer(form, "accept");
    assertThat(replay.statusCode()).as("the request id is single use").isEqualTo(400);
    assertThat(replay.header("Location")).isNull();
  }

  @Test
  void cancelRedirectsWithAccessDenied() {
    String[] form = form(f.authorize(f.tenant.id(), f.authorizeParams(pkce, DELEGATED_SCOPE)));

    Map<String, String> query = assertErrorRedirect(answer(form, "cancel"), "access_denied", 65004);

    assertThat(query.get("error_description"))
        .startsWith("AADSTS65004: User declined to consent to access the app.");
    assertThat(query).containsEntry("state", STATE).doesNotContainKey("code");
  }

  @Test
  void unknownPromptIdOrActionIsAnErrorPage() {
    assertThat(
            answer(
                    new String[] {"/" + f.tenant.id() + "/oauth2/v2.0/authorize/consent", "x"},
                    "accept")
                .statusCode())
        .isEqualTo(400);
    String[] form = form(f.authorize(f.tenant.id(), f.authorizeParams(pkce, DELEGATED_SCOPE)));
    assertThat(answer(form, "maybe").statusCode()).isEqualTo(400);
    assertThat(answer(form, "accept").statusCode())
        .as("a bad action does not burn it")
        .isEqualTo(302);
  }

  @Test
  void promptNoneCannotShowThePage() {
    Map<String, String> params = f.authorizeParams(pkce, DELEGATED_SCOPE);
    params.put("prompt", "none");

    assertErrorRedirect(f.authorize(f.tenant.id(), params), "interaction_required", 65001);
  }

  @Test
  void adminConsentAcceptGrantsAndCancelDoesNot() {
    Tenant tenant = new Seeder(f.directory).seedTenant(new SeedSpec("interactive", 1, 0, 0));
    Response page =
        given()
            .redirects()
            .follow(false)
            .queryParam("client_id", f.clientId())
            .queryParam("scope", "https://graph.microsoft.com/.default")
            .queryParam("redirect_uri", f.redirectUri())
            .queryParam("state", "admin-state")
            .get(f.base() + "/" + tenant.id() + "/v2.0/adminconsent");
    assertThat(page.asString()).contains("Mail.Read", "Files.Read.All", tenant.domain());
    String[] form = form(page);
    assertThat(form[0]).isEqualTo("/" + tenant.id() + "/adminconsent/consent");

    Map<String, String> declined =
        assertErrorRedirect(answer(form, "cancel"), "access_denied", 65004);
    assertThat(declined)
        .containsEntry("admin_consent", "True")
        .containsEntry("state", "admin-state");
    assertThat(f.directory.locked(() -> tenant.adminConsentedRoles(f.clientId()))).isEmpty();

    Response again =
        given()
            .redirects()
            .follow(false)
            .queryParam("client_id", f.clientId())
            .queryParam("redirect_uri", f.redirectUri())
            .get(f.base() + "/" + tenant.id() + "/adminconsent");
    Response accepted = answer(form(again), "accept");
    assertThat(query(accepted.header("Location")))
        .containsEntry("admin_consent", "True")
        .containsEntry("tenant", tenant.id());
    assertThat(f.directory.locked(() -> tenant.adminConsentedRoles(f.clientId()))).isPresent();
  }
}
