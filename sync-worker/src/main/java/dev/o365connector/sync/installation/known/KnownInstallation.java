package dev.o365connector.sync.installation.known;

import dev.o365connector.contracts.installation.InstallationStatus;
import dev.o365connector.contracts.installation.InstallationType;
import java.util.List;

/**
 * An installation as auth-service last announced it on {@code o365.installations}.
 *
 * @param userId DELEGATED: the user who signed in; null for APPLICATION, before the sign-in, and
 *     for installations announced before events carried it
 */
public record KnownInstallation(
    String id,
    String tenantId,
    InstallationType type,
    InstallationStatus status,
    List<String> grantedPermissions,
    String userId) {}
