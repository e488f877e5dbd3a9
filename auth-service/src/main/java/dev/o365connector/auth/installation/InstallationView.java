package dev.o365connector.auth.installation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An installation as the API shows it: never a token. {@code consentUrl} only when just issued. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstallationView(
    UUID id,
    String accountId,
    InstallationType type,
    String tenantId,
    InstallationStatus status,
    List<Resource> resources,
    List<String> grantedPermissions,
    String reason,
    String userId,
    String username,
    Instant createdAt,
    Instant updatedAt,
    String consentUrl) {

  static InstallationView of(Installation i, String consentUrl) {
    return new InstallationView(
        i.id,
        i.accountId,
        i.type,
        i.tenantId,
        i.status,
        i.resourceList(),
        i.grantedPermissionList(),
        i.reason,
        i.userId,
        i.username,
        i.createdAt,
        i.updatedAt,
        consentUrl);
  }
}
