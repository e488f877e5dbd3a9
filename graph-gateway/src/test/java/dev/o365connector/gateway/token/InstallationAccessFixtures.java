package dev.o365connector.gateway.token;

import dev.o365connector.contracts.installation.InstallationType;
import dev.o365connector.contracts.token.InstallationAccess;
import java.time.Instant;
import java.util.List;

/** Installation access as auth-service would hand it out, for tests that need one in the cache. */
final class InstallationAccessFixtures {

  private InstallationAccessFixtures() {}

  static InstallationAccess access(String token, Instant expiresAt) {
    return new InstallationAccess(
        token, expiresAt, "tenant", InstallationType.DELEGATED, List.of("Mail.Read"), "user");
  }
}
