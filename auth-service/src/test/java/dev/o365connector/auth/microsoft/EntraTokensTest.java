package dev.o365connector.auth.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.oidc.client.Tokens;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntraTokensTest {

  private static final String ACCESS = TokenClaimsTest.jwt("{\"tid\":\"t-1\",\"roles\":[\"A\"]}");
  private static final String ID = TokenClaimsTest.jwt("{\"tid\":\"t-1\",\"oid\":\"o-1\"}");

  @Test
  void readsADelegatedTokenResponse() {
    JsonObject response =
        new JsonObject()
            .put("access_token", ACCESS)
            .put("refresh_token", "rt-value")
            .put("id_token", ID)
            .put("scope", "https://graph.microsoft.com/Mail.Read openid offline_access")
            .put("expires_in", 4000);

    EntraTokens tokens =
        EntraTokens.of(new Tokens(ACCESS, 1_800_000_000L, null, "rt-value", null, response, "c"));

    assertThat(tokens.accessToken()).isEqualTo(ACCESS);
    assertThat(tokens.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
    assertThat(tokens.refreshToken()).isEqualTo("rt-value");
    assertThat(tokens.scopes())
        .containsExactlyInAnyOrder(
            "https://graph.microsoft.com/Mail.Read", "openid", "offline_access");
    assertThat(tokens.idTokenClaims())
        .hasValueSatisfying(c -> assertThat(c.objectId()).contains("o-1"));
    assertThat(tokens.accessTokenClaims().roles()).containsExactly("A");
  }

  @Test
  void readsAClientCredentialsResponse() {
    JsonObject response = new JsonObject().put("access_token", ACCESS).put("expires_in", 3599);

    EntraTokens tokens =
        EntraTokens.of(new Tokens(ACCESS, 1_800_000_000L, null, null, null, response, "c"));

    assertThat(tokens.refreshToken()).isNull();
    assertThat(tokens.idTokenClaims()).isEmpty();
    assertThat(tokens.scopes()).isEmpty();
  }

  @Test
  void refusesAResponseWithoutAccessTokenOrExpiry() {
    JsonObject response = new JsonObject().put("token_type", "Bearer");

    assertThatThrownBy(
            () -> EntraTokens.of(new Tokens(null, null, null, null, null, response, "c")))
        .isInstanceOfSatisfying(
            EntraException.class,
            e -> assertThat(e.kind()).isEqualTo(EntraFailure.INVALID_REQUEST));
  }

  @Test
  void toStringShowsNoToken() {
    EntraTokens tokens = new EntraTokens(ACCESS, Instant.EPOCH, "rt-value", ID, Set.of("openid"));

    assertThat(tokens.toString())
        .doesNotContain(ACCESS, "rt-value", ID)
        .contains("expiresAt=1970-01-01T00:00:00Z", "scopes=[openid]");
    assertThat(new EntraTokens(ACCESS, Instant.EPOCH, null, null, Set.of()).toString())
        .contains("refreshToken=none", "idToken=none");
  }
}
