package dev.o365connector.auth.callback;

import dev.o365connector.auth.lifecycle.Installation;
import dev.o365connector.contracts.installation.InstallationStatus;
import java.util.UUID;

/**
 * How a callback ended, for the browser: the installation and its status, or (installation null) a
 * state that could not be used.
 */
public record CallbackOutcome(UUID installationId, InstallationStatus status, String returnUrl) {

  /** Where the installation ended up, which may not be where the callback asked it to go. */
  static CallbackOutcome of(Installation installation) {
    return new CallbackOutcome(installation.id, installation.status, installation.returnUrl);
  }

  static CallbackOutcome rejectedState() {
    return new CallbackOutcome(null, null, null);
  }

  /** The state was missing, unknown, expired, used or did not fit the answer. */
  public boolean stateRejected() {
    return installationId == null;
  }
}
