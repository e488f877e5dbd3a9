package dev.o365connector.simulator.identity;

import static dev.o365connector.simulator.identity.IdentityFixture.DELEGATED_SCOPE;
import static dev.o365connector.simulator.identity.IdentityFixture.assertEntraError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.simulator.SimulatorConfig;
import dev.o365connector.simulator.seed.Seeder;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

  private static IdentityFixture f;

  @BeforeAll
  static void start() {
    f = IdentityFixture.start(SimulatorConfig.defaults());
  }

  @AfterAll
  static void stop() {
    f.stop();
  }

  @Test
  void refreshReturnsTheConsentedScopesAndAnIdToken() {
    String refreshToken = f.signIn(DELEGATED_SCOPE).getString("refresh_token");

    JsonObject refreshed = new JsonObject(f.token(f.refresh(refreshToken)).asString());

    assertThat(refreshed.getString("scope")).contains("https://graph.microsoft.com/Mail.Read");
    assertThat(refreshed.getString("id_token")).isNotBlank();
    JsonObject claims = f.verifier().verify(refreshed.getString("access_token"));
    assertThat(claims.getString("scp"))
        .isEqualTo("Calendars.Read Files.Read Mail.Read User.Read.All");
    assertThat(claims.getString("oid")).isEqualTo(f.firstUser().id());
  }

  @Test
  void scopeMayNarrowButNotWiden() {
    String refreshToken =
        f.signIn("offline_access Mail.Read Calendars.Read").getString("refresh_token");
    Map<String, String> form = f.refresh(refreshToken);

    form.put("scope", "https://graph.microsoft.com/Mail.Read offline_access");
    Response narrowed = f.token(form);
    assertThat(narrowed.statusCode()).isEqualTo(200);
    assertThat(f.verifier().verify(narrowed.jsonPath().getString("access_token")).getString("scp"))
        .isEqualTo("Mail.Read");
    String narrowedRefresh = narrowed.jsonPath().getString("refresh_token");
    JsonObject fromNarrowed = new JsonObject(f.token(f.refresh(narrowedRefresh)).asString());
    assertThat(f.verifier().verify(fromNarrowed.getString("access_token")).getString("scp"))
        .as("the new refresh token still carries the whole consent")
        .isEqualTo("Calendars.Read Mail.Read");

    form.put("scope", "Mail.Read Files.Read.All");
    assertEntraError(f.token(form), 400, "invalid_grant", 65001);
    form.put("scope", "Mail.Send");
    assertEntraError(f.token(form), 400, "invalid_scope", 70011);
  }

  @Test
  void aRefreshTokenBelongsToItsClient() {
    String refreshToken = f.signIn(DELEGATED_SCOPE).getString("refresh_token");
    var other =
        new Seeder(f.directory)
            .registerApp("other", List.of(f.redirectUri()), Seeder.CONNECTOR_APP_PERMISSIONS);
    Map<String, String> form = f.refresh(refreshToken);
    form.put("client_id", other.clientId());
    form.put("client_secret", other.secrets().get(0));

    assertEntraError(f.token(form), 400, "invalid_grant", 70000);
  }

  @Test
  void unknownRefreshTokenIsMalformed() {
    assertEntraError(f.token(f.refresh("1.Agarbage")), 400, "invalid_grant", 9002313);
  }

  @Test
  void refreshNeedsTheClientSecret() {
    Map<String, String> form = f.refresh(f.signIn(DELEGATED_SCOPE).getString("refresh_token"));
    form.put("client_secret", "not-it");

    assertEntraError(f.token(form), 401, "invalid_client", 7000215);
  }

  @Test
  void revocationIsPerUserAndTenant() {
    String mine = f.signIn(DELEGATED_SCOPE).getString("refresh_token");
    var other = f.directory.locked(() -> f.tenant.users().live().get(2));

    assertThat(f.state().refreshTokens().revokeRefreshTokens(f.tenant.id(), other.id())).isZero();
    assertThat(f.token(f.refresh(mine)).statusCode()).isEqualTo(200);
    assertThat(f.state().refreshTokens().revokeAllRefreshTokens()).isPositive();
    assertEntraError(f.token(f.refresh(mine)), 400, "invalid_grant", 50173);
  }

  @Test
  void identityRoutesExposeTheSameStore() {
    var routes = new IdentityRoutes(f.sim.context());
    assertThat(routes.refreshTokens()).isSameAs(f.state().refreshTokens());
    assertThat(routes.state()).isSameAs(f.state());
  }
}
