package dev.o365connector.auth.microsoft;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

  static String jwt(String payloadJson) {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    return encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(UTF_8))
        + "."
        + encoder.encodeToString(payloadJson.getBytes(UTF_8))
        + ".c2lnbmF0dXJl";
  }

  @Test
  void readsTheClaimsOfADelegatedAccessToken() {
    TokenClaims claims =
        TokenClaims.parse(
            jwt(
                """
                {"tid":"t-1","oid":"o-1","preferred_username":"adele@contoso.example",
                 "upn":"other@contoso.example","scp":"Mail.Read  User.Read Mail.Read",
                 "exp":1790000000}
                """));

    assertThat(claims.tenantId()).contains("t-1");
    assertThat(claims.objectId()).contains("o-1");
    assertThat(claims.username()).contains("adele@contoso.example");
    assertThat(claims.scopes()).containsExactlyInAnyOrder("Mail.Read", "User.Read");
    assertThat(claims.roles()).isEmpty();
    assertThat(claims.expiresAt()).contains(Instant.ofEpochSecond(1790000000L));
  }

  @Test
  void readsTheRolesOfAnAppOnlyToken() {
    TokenClaims claims =
        TokenClaims.parse(jwt("{\"tid\":\"t-1\",\"roles\":[\"Mail.Read\",\"User.Read.All\"]}"));

    assertThat(claims.roles()).containsExactlyInAnyOrder("Mail.Read", "User.Read.All");
    assertThat(claims.scopes()).isEmpty();
    assertThat(claims.expiresAt()).isEmpty();
  }

  @Test
  void fallsBackToUpnWithoutPreferredUsername() {
    assertThat(TokenClaims.parse(jwt("{\"upn\":\"alex@contoso.example\"}")).username())
        .contains("alex@contoso.example");
    assertThat(TokenClaims.parse(jwt("{}")).username()).isEmpty();
  }

  @Test
  void readsAPayloadWithPaddingLeftOut() {
    // 2 bytes of JSON -> 3 base64url characters once the '=' padding is left out, as JWTs do.
    assertThat(TokenClaims.parse("e30.e30.").objectId()).isEmpty();
  }

  @Test
  void rejectsWhatIsNotAJwtWithoutEchoingIt() {
    assertThatThrownBy(() -> TokenClaims.parse(null)).hasMessageContaining("empty");
    assertThatThrownBy(() -> TokenClaims.parse("secret-opaque-token"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 3 dot-separated parts, found 1")
        .message()
        .doesNotContain("secret-opaque-token");
    assertThatThrownBy(() -> TokenClaims.parse("a.b.c.d.e")).hasMessageContaining("encrypted");
    assertThatThrownBy(() -> TokenClaims.parse("e30.not*base64.sig"))
        .hasMessageContaining("not base64url");
    String notJson =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{nope".getBytes(UTF_8));
    assertThatThrownBy(() -> TokenClaims.parse("e30." + notJson + ".sig"))
        .hasMessageContaining("not JSON");
    String array = Base64.getUrlEncoder().withoutPadding().encodeToString("[1]".getBytes(UTF_8));
    assertThatThrownBy(() -> TokenClaims.parse("e30." + array + ".sig"))
        .hasMessageContaining("not a JSON object");
  }

  @Test
  void rejectsClaimsOfTheWrongType() {
    TokenClaims claims =
        TokenClaims.parse(jwt("{\"tid\":7,\"roles\":\"Mail.Read\",\"exp\":\"soon\",\"x\":[1]}"));

    assertThatThrownBy(claims::tenantId).hasMessage("JWT claim tid is not a string");
    assertThatThrownBy(claims::roles).hasMessage("JWT claim roles is not an array");
    assertThatThrownBy(claims::expiresAt).hasMessage("JWT claim exp is not a number");
    assertThatThrownBy(() -> TokenClaims.parse(jwt("{\"roles\":[1]}")).roles())
        .hasMessage("JWT claim roles holds a non-string value");
  }
}
