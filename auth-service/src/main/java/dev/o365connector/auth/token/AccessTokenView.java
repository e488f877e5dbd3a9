package dev.o365connector.auth.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.o365connector.contracts.installation.InstallationType;
import java.time.Instant;
import java.util.List;

/** What {@code POST /installations/{id}/access-token} answers: for the gateway's eyes only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessTokenView(
    String accessToken,
    Instant expiresAt,
    String tenantId,
    InstallationType type,
    List<String> grantedPermissions,
    String userId) {

  @Override
  public String toString() {
    return "AccessTokenView[expiresAt=" + expiresAt + ", tenantId=" + tenantId + "]";
  }
}
