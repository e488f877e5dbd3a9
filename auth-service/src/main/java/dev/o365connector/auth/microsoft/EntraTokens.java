package dev.o365connector.auth.microsoft;

import io.quarkus.oidc.client.Tokens;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Entra's token endpoint granted.
 *
 * @param expiresAt when the access token expires, from {@code expires_in}
 * @param refreshToken null for client credentials, and without {@code offline_access}
 * @param idToken null for client credentials, and without {@code openid}
 * @param scopes the response's {@code scope} as Entra wrote it: Graph permissions as URLs ({@code
 *     https://graph.microsoft.com/Mail.Read}), OIDC scopes bare; empty for client credentials,
 *     whose permissions are the access token's {@link TokenClaims#roles() roles}
 */
public record EntraTokens(
    String accessToken,
    Instant expiresAt,
    String refreshToken,
    String idToken,
    Set<String> scopes) {

  public EntraTokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = Set.copyOf(scopes);
  }

  /** The id token's claims ({@code tid}, {@code oid}, {@code preferred_username}), if one came. */
  public Optional<TokenClaims> idTokenClaims() {
    return Optional.ofNullable(idToken).map(TokenClaims::parse);
  }

  /**
   * The access token's claims, e.g. {@code roles} of an app-only token. Graph's access tokens are
   * JWTs, but Microsoft may change their format: prefer {@link #scopes()} and the id token.
   */
  public TokenClaims accessTokenClaims() {
    return TokenClaims.parse(accessToken);
  }

  /** The tokens of a successful answer; {@code expiresAt} as quarkus-oidc-client computed it. */
  static EntraTokens of(Tokens tokens) {
    Long expiresAt = tokens.getAccessTokenExpiresAt();
    if (tokens.getAccessToken() == null || expiresAt == null) {
      throw new EntraException(
          EntraFailure.INVALID_REQUEST,
          null,
          List.of(),
          "Entra's token response lacks access_token or expires_in",
          200);
    }
    String scope = tokens.get("scope");
    return new EntraTokens(
        tokens.getAccessToken(),
        Instant.ofEpochSecond(expiresAt),
        tokens.getRefreshToken(),
        tokens.get("id_token"),
        scope == null
            ? Set.of()
            : Arrays.stream(scope.split(" "))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
  }

  // Token values must never reach a log line, even through string concatenation.
  @Override
  public String toString() {
    return "EntraTokens[accessToken=<redacted>, expiresAt="
        + expiresAt
        + ", refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + ", idToken="
        + (idToken == null ? "none" : "<redacted>")
        + ", scopes="
        + scopes
        + "]";
  }
}
