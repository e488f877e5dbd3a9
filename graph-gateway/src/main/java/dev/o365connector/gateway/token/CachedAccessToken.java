package dev.o365connector.gateway.token;

import java.time.Duration;
import java.time.Instant;

/**
 * An installation's Graph access token as issued by auth-service, held until shortly before expiry.
 */
public record CachedAccessToken(String accessToken, Instant expiresAt) {

  /** Whether the token is still good for a request that may take up to {@code margin}. */
  public boolean usableAt(Instant now, Duration margin) {
    return now.plus(margin).isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "CachedAccessToken[expiresAt=" + expiresAt + "]"; // never the token itself
  }
}
