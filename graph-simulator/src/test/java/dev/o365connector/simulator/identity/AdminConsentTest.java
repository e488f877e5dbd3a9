package dev.o365connector.simulator.identity;

import static dev.o365connector.simulator.identity.IdentityFixture.assertEntraError;
import static dev.o365connector.simulator.identity.IdentityFixture.assertErrorRedirect;
import static dev.o365connector.simulator.identity.IdentityFixture.query;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminConsentTest {

  private static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

  private static IdentityFixture f;

  @BeforeAll
  static void start() {
    f = IdentityFixture.start(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  private static Map<String, String> params(boolean v2) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", f.clientId());
    if (v2) {
      params.put("scope", GRAPH_DEFAULT);
    }
    params.put("redirect_uri", f.redirectUri());
    params.put("state", "admin-state");
    return params;
  }

  private static Response adminConsent(String path, Map<String, String> params) {
    return given().redirects().follow(false).queryParams(params).get(f.base() + path);
  }

  private static Tenant newTenant(String name) {
    return new Seeder(f.directory).seedTenant(new SeedSpec(name, 1, 0, 0));
  }

  @Test
  void v2GrantsConsentAndRedirectsWithTenantAndScope() {
    Tenant tenant = newTenant("northwind");
    assertEntraError(
        f.token(tenant.id(), f.clientCredentials(GRAPH_DEFAULT)), 400, "invalid_client", 7000229);

    Response response = adminConsent("/" + tenant.id() + "/v2.0/adminconsent", params(true));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.header("Location")).startsWith(f.redirectUri() + "?admin_consent=True&");
    Map<String, String> query = query(response.header("Location"));
    assertThat(query)
        .containsEntry("admin_consent", "True")
        .containsEntry("tenant", tenant.id())
        .containsEntry("state", "admin-state")
        .containsEntry(
            "scope",
            "https://graph.microsoft.com/Calendars.Read https://graph.microsoft.com/Files.Read.All"
                + " https://graph.microsoft.com/Mail.Read https://graph.microsoft.com/User.Read.All");
    assertThat(f.directory.locked(() -> tenant.adminConsentedRoles(f.clientId())))
        .contains(f.app.applicationPermissions());
    assertThat(f.token(tenant.id(), f.clientCredentials(GRAPH_DEFAULT)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void legacyEndpointHasNoScope() {
    Tenant tenant = newTenant("adventureworks");

    Response response = adminConsent("/" + tenant.domain() + "/adminconsent", params(false));

    Map<String, String> query = query(response.header("Location"));
    assertThat(query.keySet()).containsExactly("admin_consent", "tenant", "state");
    assertThat(query).containsEntry("tenant", tenant.id());
    assertThat(f.directory.locked(() -> tenant.adminConsentedRoles(f.clientId()))).isPresent();
  }

  @Test
  void organizationsPicksTheTenantFromTheLoginHintElseTheFirstCustomerTenant() {
    Tenant tenant = newTenant("litware");
    String upn = f.directory.locked(() -> tenant.users().live().get(0).userPrincipalName());
    Map<String, String> withHint = params(true);
    withHint.put("login_hint", upn);

    assertThat(query(adminConsent("/organizations/v2.0/adminconsent", withHint).header("Location")))
        .containsEntry("tenant", tenant.id());
    assertThat(query(adminConsent("/organizations/adminconsent", params(false)).header("Location")))
        .containsEntry("tenant", f.tenant.id());
  }

  @Test
  void commonIsRefusedWithAnErrorPage() {
    Response response = adminConsent("/common/v2.0/adminconsent", params(true));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.header("Location")).isNull();
    assertThat(response.asString()).contains("AADSTS900023");
  }

  @Test
  void unknownTenantClientOrRedirectUriAreErrorPages() {
    assertThat(adminConsent("/nope.example/v2.0/adminconsent", params(true)).asString())
        .contains("AADSTS90002");
    Map<String, String> unknownClient = params(true);
    unknownClient.put("client_id", "11111111-2222-3333-4444-555555555555");
    Response client = adminConsent("/" + f.tenant.id() + "/v2.0/adminconsent", unknownClient);
    assertThat(client.statusCode()).isEqualTo(400);
    assertThat(client.asString()).contains("AADSTS700016");
    Map<String, String> badRedirect = params(true);
    badRedirect.put("redirect_uri", "https://evil.example/");
    Response redirect = adminConsent("/" + f.tenant.id() + "/v2.0/adminconsent", badRedirect);
    assertThat(redirect.statusCode()).isEqualTo(400);
    assertThat(redirect.header("Location")).isNull();
    assertThat(redirect.asString()).contains("AADSTS50011");
  }

  @Test
  void v2NeedsGraphsDefaultScope() {
    Tenant tenant = newTenant("tailspin");
    Map<String, String> params = params(true);
    params.put("scope", "https://graph.microsoft.com/Mail.Read");

    Map<String, String> query =
        assertErrorRedirect(
            adminConsent("/" + tenant.id() + "/v2.0/adminconsent", params),
            "invalid_request",
            70011);

    assertThat(query).containsEntry("state", "admin-state");
    assertThat(f.directory.locked(() -> tenant.adminConsentedRoles(f.clientId()))).isEmpty();
  }

  @Test
  void scriptedDeclineAnswersAccessDeniedAndGrantsNothing() {
    Tenant tenant = newTenant("wingtip");
    f.state().consentDecisions().declineNextAdminConsent();

    Map<String, String> query =
        assertErrorRedirect(
            adminConsent("/" + tenant.id() + "/v2.0/adminconsent", params(true)),
            "access_denied",
            65004);

    assertThat(query)
        .containsEntry("admin_consent", "True")
        .containsEntry("state", "admin-state")
        .containsEntry("tenant", tenant.id());
    assertThat(f.directory.locked(() -> tenant.adminConsentedRoles(f.clientId()))).isEmpty();
  }
}
