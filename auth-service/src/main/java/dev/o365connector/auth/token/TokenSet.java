package dev.o365connector.auth.token;

import dev.o365connector.auth.microsoft.EntraTokens;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Tokens from one Entra token response; {@code refreshToken} is null for client-credentials grants.
 */
public record TokenSet(
    String accessToken,
    Instant accessTokenExpiresAt,
    String refreshToken,
    List<String> grantedScopes) {

  public TokenSet {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    grantedScopes = List.copyOf(grantedScopes);
  }

  /** What to store of Entra's answer: its tokens, with the permissions the installation holds. */
  public static TokenSet of(EntraTokens tokens, Collection<String> grantedScopes) {
    return new TokenSet(
        tokens.accessToken(),
        tokens.expiresAt(),
        tokens.refreshToken(),
        List.copyOf(grantedScopes));
  }

  // Token values must never reach a log line, even through string concatenation.
  @Override
  public String toString() {
    return "TokenSet[accessToken=<redacted>, accessTokenExpiresAt="
        + accessTokenExpiresAt
        + ", refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + ", grantedScopes="
        + grantedScopes
        + "]";
  }
}
