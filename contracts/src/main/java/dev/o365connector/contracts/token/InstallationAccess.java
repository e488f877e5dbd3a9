package dev.o365connector.contracts.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.o365connector.contracts.installation.InstallationType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What auth-service's {@code POST /installations/{id}/access-token} answers, for the gateway's eyes
 * only: an ACTIVE installation's Graph access token and what that token may do.
 *
 * @param userId the signed-in user of a DELEGATED installation, whose mailbox {@code /me} is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
    return "InstallationAccess[type="
        + type
        + ", tenantId="
        + tenantId
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
