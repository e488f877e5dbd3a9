package dev.o365connector.gateway.token;

import dev.o365connector.contracts.installation.InstallationType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What auth-service hands the gateway for an ACTIVE installation: its Graph access token and what
 * that token may do. Held in memory until shortly before the token expires.
 *
 * @param userId the signed-in user of a DELEGATED installation, whose mailbox {@code /me} is
 */
public record InstallationAccess(
    String accessToken,
    Instant expiresAt,
    String tenantId,
    InstallationType type,
    List<String> grantedPermissions,
    String userId) {

  /** Whether the token is still good for a request that may take up to {@code margin}. */
  public boolean usableAt(Instant now, Duration margin) {
    return now.plus(margin).isBefore(expiresAt);
  }

  @Override
  public String toString() {
    // Never the token itself.
    return "InstallationAccess[type=" + type + ", expiresAt=" + expiresAt + "]";
  }
}
