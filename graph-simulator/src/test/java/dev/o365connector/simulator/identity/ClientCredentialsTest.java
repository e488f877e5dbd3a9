package dev.o365connector.simulator.identity;

import static dev.o365connector.simulator.identity.IdentityFixture.assertEntraError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.InternalClient;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.seed.SeedSpec;
import dev.o365connector.simulator.seed.Seeder;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientCredentialsTest {

  private static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

  private static IdentityFixture f;
  private static Tenant consented;

  @BeforeAll
  static void start() {
    f = IdentityFixture.start(SimulatorConfig.defaults());
    consented = new Seeder(f.directory).seedTenant(new SeedSpec("consented", 2, 0, 0));
    f.directory.locked(
        () -> {
          consented.grantAdminConsent(f.app);
          return null;
        });
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  @Test
  void withoutAdminConsentTheServicePrincipalIsMissing() {
    Response response = f.token(f.tenant.id(), f.clientCredentials(GRAPH_DEFAULT));

    assertEntraError(response, 400, "invalid_client", 7000229);
    assertThat(response.jsonPath().getString("error_description")).contains(f.tenant.id());
  }

  @Test
  void afterAdminConsentTheTokenCarriesTheRoles() {
    Response response = f.token(consented.id(), f.clientCredentials(GRAPH_DEFAULT));

    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    JsonObject body = new JsonObject(response.asString());
    assertThat(body.fieldNames())
        .containsExactlyInAnyOrder("token_type", "expires_in", "ext_expires_in", "access_token");
    JsonObject claims = f.verifier().verify(body.getString("access_token"));
    assertThat(claims.getString("aud")).isEqualTo("https://graph.microsoft.com");
    assertThat(claims.getString("iss")).isEqualTo(f.base() + "/" + consented.id() + "/v2.0");
    assertThat(claims.getString("tid")).isEqualTo(consented.id());
    assertThat(claims.getString("idtyp")).isEqualTo("app");
    assertThat(claims.getString("appid")).isEqualTo(f.clientId());
    assertThat(claims.getString("oid"))
        .isEqualTo(AccessTokens.servicePrincipalId(consented.id(), f.clientId()))
        .isEqualTo(claims.getString("sub"))
        .isNotEqualTo(AccessTokens.servicePrincipalId(f.tenant.id(), f.clientId()));
    assertThat(claims.getJsonArray("roles").getList())
        .containsExactlyInAnyOrder(
            "User.Read.All", "Mail.Read", "Calendars.Read", "Files.Read.All");
    assertThat(claims.containsKey("scp")).isFalse();
  }

  @Test
  void graphsApplicationIdAndTheDomainWorkToo() {
    Map<String, String> form = f.clientCredentials("00000003-0000-0000-c000-000000000000/.default");

    assertThat(f.token(consented.domain(), form).statusCode()).isEqualTo(200);
  }

  @Test
  void multiTenantAuthoritiesAreRefused() {
    for (String authority : new String[] {"organizations", "common"}) {
      Response response = f.token(authority, f.clientCredentials(GRAPH_DEFAULT));
      assertEntraError(response, 400, "invalid_request", 9001023);
    }
  }

  @Test
  void theScopeMustBeGraphsDefault() {
    assertEntraError(
        f.token(consented.id(), f.clientCredentials("https://graph.microsoft.com/Mail.Read")),
        400,
        "invalid_scope",
        1002012);
    assertEntraError(
        f.token(consented.id(), f.clientCredentials("api://something-else/.default")),
        400,
        "invalid_resource",
        500011);
    assertEntraError(
        f.token(
            consented.id(), f.clientCredentials(GRAPH_DEFAULT + " api://something-else/.default")),
        400,
        "invalid_scope",
        70011);
    // MSAL always adds the OIDC scopes; Entra ignores them for client credentials.
    f.token(consented.id(), f.clientCredentials(GRAPH_DEFAULT + " openid profile offline_access"))
        .then()
        .statusCode(200);
    Map<String, String> form = f.clientCredentials(GRAPH_DEFAULT);
    form.remove("scope");
    assertEntraError(f.token(consented.id(), form), 400, "invalid_request", 900144);
  }

  @Test
  void badSecretIsInvalidClient() {
    Map<String, String> form = f.clientCredentials(GRAPH_DEFAULT);
    form.put("client_secret", "wrong");

    assertEntraError(f.token(consented.id(), form), 401, "invalid_client", 7000215);
  }

  @Test
  void platformTenantIssuesTokensForInternalClients() {
    Tenant platform = f.platform();
    InternalClient client = f.directory.internalClient("platform-dev").orElseThrow();
    for (String scope : new String[] {"o365-connector/.default", "api://o365-connector/.default"}) {
      Response response =
          given()
              .auth()
              .preemptive()
              .basic(client.clientId(), client.secret())
              .formParam("grant_type", "client_credentials")
              .formParam("scope", scope)
              .post(f.base() + "/" + platform.id() + "/oauth2/v2.0/token");
      assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
      JsonObject claims = f.verifier().verify(response.jsonPath().getString("access_token"));
      assertThat(claims.getString("aud")).isEqualTo("o365-connector");
      assertThat(claims.getString("azp")).isEqualTo("platform-dev");
      assertThat(claims.getString("tid")).isEqualTo(platform.id());
      assertThat(claims.getString("iss")).isEqualTo(f.base() + "/" + platform.id() + "/v2.0");
      assertThat(claims.getJsonArray("roles").getList())
          .containsExactlyInAnyOrderElementsOf(client.roles());
      assertThat(response.jsonPath().getString("refresh_token")).isNull();
    }
  }

  @Test
  void internalClientsWithoutRolesGetNoRolesClaim() {
    InternalClient client = f.directory.internalClient("auth-service").orElseThrow();
    Response response =
        f.token(
            f.platform().domain(),
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                client.clientId(),
                "client_secret",
                client.secret(),
                "scope",
                "o365-connector/.default"));

    JsonObject claims = f.verifier().verify(response.jsonPath().getString("access_token"));
    assertThat(claims.containsKey("roles")).isFalse();
  }

  @Test
  void internalClientsExistOnlyInThePlatformTenant() {
    InternalClient client = f.directory.internalClient("sync-worker").orElseThrow();
    Map<String, String> form =
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            client.clientId(),
            "client_secret",
            client.secret(),
            "scope",
            GRAPH_DEFAULT);

    assertEntraError(f.token(consented.id(), form), 400, "unauthorized_client", 700016);
    Map<String, String> wrongSecret = new java.util.HashMap<>(form);
    wrongSecret.put("client_secret", "nope");
    assertEntraError(f.token(f.platform().id(), wrongSecret), 401, "invalid_client", 7000215);
  }

  @Test
  void appRegistrationsHaveNoServicePrincipalInThePlatformTenant() {
    assertEntraError(
        f.token(f.platform().id(), f.clientCredentials("o365-connector/.default")),
        400,
        "invalid_client",
        7000229);
  }
}
