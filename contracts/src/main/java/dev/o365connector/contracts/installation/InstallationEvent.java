package dev.o365connector.contracts.installation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An installation changed status; published to {@code o365.installations}.
 *
 * @param installationId the installation
 * @param accountId the platform account that owns it
 * @param tenantId the Entra tenant; null until a DELEGATED user has signed in
 * @param type DELEGATED or APPLICATION
 * @param status the status it has now
 * @param grantedPermissions Graph permissions actually granted; never null, empty before consent
 * @param reason why the status changed, for humans; never contains tokens or secrets
 * @param occurredAt when the status changed
 * @param userId DELEGATED: the Entra object id of the user who signed in (whose {@code /me} the
 *     installation reads); null before the sign-in and for APPLICATION
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstallationEvent(
    String installationId,
    String accountId,
    String tenantId,
    InstallationType type,
    InstallationStatus status,
    List<String> grantedPermissions,
    String reason,
    Instant occurredAt,
    String userId) {

  public InstallationEvent {
    grantedPermissions = grantedPermissions == null ? List.of() : List.copyOf(grantedPermissions);
  }
}
