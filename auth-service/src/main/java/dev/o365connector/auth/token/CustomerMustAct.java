package dev.o365connector.auth.token;

import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.auth.lifecycle.InstallationTransitions;
import dev.o365connector.auth.microsoft.EntraException;
import dev.o365connector.auth.microsoft.EntraFailure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * What a renewal failure that only the customer can fix (a revoked or expired grant, consent taken
 * back, the app removed from the tenant) does to the installation, wherever it is found: a caller's
 * token request or the proactive refresh. The installation becomes REAUTH_REQUIRED and the event
 * goes out through the outbox, so the platform asks the customer and the worker ends its runs.
 */
@ApplicationScoped
class CustomerMustAct {

  /** Failures that only the customer can fix by consenting again. */
  private static final Set<EntraFailure> NEEDS_CUSTOMER =
      Set.of(
          EntraFailure.REAUTH_REQUIRED, EntraFailure.CONSENT_REQUIRED, EntraFailure.NOT_INSTALLED);

  private final InstallationTransitions transitions;

  CustomerMustAct(InstallationTransitions transitions) {
    this.transitions = transitions;
  }

  static boolean applies(EntraException e) {
    return NEEDS_CUSTOMER.contains(e.kind());
  }

  /** Moves the installation to REAUTH_REQUIRED with the failure as reason; the installation. */
  Uni<Installation> record(UUID installationId, EntraException e) {
    return transitions.requireReauth(
        installationId, e.kind() + " " + e.errorCodes() + ": " + e.error());
  }
}
