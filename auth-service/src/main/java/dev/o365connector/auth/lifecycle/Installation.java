package dev.o365connector.auth.lifecycle;

import dev.o365connector.contracts.Resource;
import dev.o365connector.contracts.installation.InstallationEvent;
import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One customer installation: a DELEGATED user sign-in or an APPLICATION tenant consent. */
@Entity
@Table(name = "installation")
public class Installation {

  @Id public UUID id;

  @Column(name = "account_id", nullable = false)
  public String accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InstallationType type;

  @Column(name = "tenant_id")
  public String tenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InstallationStatus status;

  /** Space-separated, as in an OAuth scope string. */
  @Column(name = "granted_permissions", nullable = false)
  public String grantedPermissions = "";

  public String reason;

  /**
   * Space-separated resource names ({@code users mail calendar files}) the installation asked for.
   */
  @Column(nullable = false)
  public String resources = "";

  @Column(name = "return_url")
  public String returnUrl;

  /** DELEGATED: the signed-in user's object id and user principal name. */
  @Column(name = "user_id")
  public String userId;

  public String username;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  /** A new PENDING installation, not yet persisted. */
  public static Installation pending(
      String accountId, InstallationType type, String tenantId, Instant now) {
    Installation installation = new Installation();
    installation.id = UUID.randomUUID();
    installation.accountId = accountId;
    installation.type = type;
    installation.tenantId = tenantId;
    installation.status = InstallationStatus.PENDING;
    installation.createdAt = now;
    installation.updatedAt = now;
    return installation;
  }

  public List<Resource> resourceList() {
    return resources.isBlank()
        ? List.of()
        : Arrays.stream(resources.trim().split("\\s+")).map(Resource::fromValue).toList();
  }

  /**
   * Moves to {@code newStatus}, recording why (null clears the reason). Package-private: {@link
   * InstallationTransitions} is the one place that changes a status, so none goes unannounced.
   */
  void changeStatus(InstallationStatus newStatus, String why, Instant now) {
    status = newStatus;
    reason = why == null ? null : why.substring(0, Math.min(why.length(), 1024));
    updatedAt = now;
  }

  /** What a finished consent granted and, for a DELEGATED sign-in, who signed in. */
  void granted(Set<String> permissions, SignedInUser user) {
    grantedPermissions = String.join(" ", permissions);
    if (user != null) {
      tenantId = user.tenantId();
      userId = user.objectId();
      username = user.username();
    }
  }

  public List<String> grantedPermissionList() {
    return grantedPermissions.isBlank()
        ? List.of()
        : Arrays.asList(grantedPermissions.trim().split("\\s+"));
  }

  /** The event that announces this installation's current status. */
  InstallationEvent toEvent() {
    return new InstallationEvent(
        id.toString(),
        accountId,
        tenantId,
        type,
        status,
        grantedPermissionList(),
        reason,
        updatedAt,
        userId);
  }
}
