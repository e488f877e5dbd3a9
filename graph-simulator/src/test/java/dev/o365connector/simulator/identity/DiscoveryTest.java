package dev.o365connector.simulator.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.directory.InternalClient;
import dev.o365connector.simulator.directory.Tenant;
import dev.o365connector.simulator.testing.JwksVerifier;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

  private static IdentityFixture f;

  @BeforeAll
  static void start() {
    f = IdentityFixture.start(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  private static JsonObject configuration(String tenant) {
    Response response =
        given().get(f.base() + "/" + tenant + "/v2.0/.well-known/openid-configuration");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return new JsonObject(response.asString());
  }

  @Test
  void tenantConfigurationNamesItsEndpoints() {
    String tid = f.tenant.id();
    for (String segment : new String[] {tid, f.tenant.domain()}) {
      JsonObject configuration = configuration(segment);
      String base = f.base() + "/" + tid;
      assertThat(configuration.getString("issuer")).isEqualTo(base + "/v2.0");
      assertThat(configuration.getString("authorization_endpoint"))
          .isEqualTo(base + "/oauth2/v2.0/authorize");
      assertThat(configuration.getString("token_endpoint")).isEqualTo(base + "/oauth2/v2.0/token");
      assertThat(configuration.getString("jwks_uri")).isEqualTo(base + "/discovery/v2.0/keys");
      assertThat(configuration.getJsonArray("response_types_supported").getList())
          .containsExactly("code");
      assertThat(configuration.getJsonArray("subject_types_supported").getList()).isNotEmpty();
      assertThat(configuration.getJsonArray("id_token_signing_alg_values_supported").getList())
          .containsExactly("RS256");
      assertThat(configuration.getJsonArray("scopes_supported").getList()).contains("openid");
      assertThat(configuration.getJsonArray("token_endpoint_auth_methods_supported").getList())
          .containsExactly("client_secret_post", "client_secret_basic");
      assertThat(configuration.getJsonArray("grant_types_supported").getList())
          .contains("authorization_code", "refresh_token", "client_credentials");
    }
  }

  @Test
  void keysAreTheSigningKeysJwks() {
    JsonObject expected = f.sim.context().signingKey().jwks();
    for (String segment :
        new String[] {"common", "organizations", f.tenant.id(), f.platform().id()}) {
      Response keys = given().get(f.base() + "/" + segment + "/discovery/v2.0/keys");
      assertThat(keys.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(keys.asString())).isEqualTo(expected);
    }
    JsonObject key = expected.getJsonArray("keys").getJsonObject(0);
    assertThat(key.getString("kty")).isEqualTo("RSA");
    assertThat(key.getString("use")).isEqualTo("sig");
  }

  @Test
  void platformIssuerEqualsThePlatformTokensIss() {
    Tenant platform = f.platform();
    JsonObject configuration = configuration(platform.domain());
    InternalClient client = f.directory.internalClient("graph-gateway").orElseThrow();

    Response token =
        given()
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", client.clientId())
            .formParam("client_secret", client.secret())
            .formParam("scope", "o365-connector/.default")
            .post(configuration.getString("token_endpoint"));

    assertThat(token.statusCode()).as(token.asString()).isEqualTo(200);
    JsonObject jwks = new JsonObject(given().get(configuration.getString("jwks_uri")).asString());
    JsonObject claims = new JwksVerifier(jwks).verify(token.jsonPath().getString("access_token"));
    assertThat(claims.getString("iss")).isEqualTo(configuration.getString("issuer"));
    assertThat(claims.getJsonArray("roles").getList()).containsExactly("tokens.issue");
  }

  @Test
  void multiTenantAuthoritiesHaveATemplatedIssuer() {
    JsonObject configuration = configuration("organizations");

    assertThat(configuration.getString("issuer")).isEqualTo(f.base() + "/{tenantid}/v2.0");
    assertThat(configuration.getString("token_endpoint"))
        .isEqualTo(f.base() + "/organizations/oauth2/v2.0/token");
  }

  @Test
  void aConfiguredHostIsTheOneInTheIssuerAndEndpoints() {
    IdentityFixture named = IdentityFixture.start(SimulatorConfig.defaults().withHost("sim.local"));
    try {
      String published = named.base();
      String reachable = published.replace("://sim.local:", "://localhost:");
      String tid = named.platform().id();

      JsonObject configuration =
          new JsonObject(
              given()
                  .get(reachable + "/" + tid + "/v2.0/.well-known/openid-configuration")
                  .asString());

      assertThat(published).startsWith("http://sim.local:");
      assertThat(configuration.getString("issuer")).isEqualTo(published + "/" + tid + "/v2.0");
      assertThat(configuration.getString("token_endpoint"))
          .isEqualTo(published + "/" + tid + "/oauth2/v2.0/token");
    } finally {
      named.stop();
    }
  }

  @Test
  void unknownTenantIsInvalidTenant() {
    Response response =
        given().get(f.base() + "/nope.onmicrosoft.com/v2.0/.well-known/openid-configuration");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.jsonPath().getString("error")).isEqualTo("invalid_tenant");
    assertThat(response.jsonPath().getList("error_codes")).containsExactly(90002);
  }
}
