package dev.o365connector.auth.microsoft;

import java.util.Locale;

/** What a failed Entra ID token request means for the caller. */
public enum EntraFailure {
  /** The user's grant is gone (expired, revoked, sign-in frequency): the user signs in again. */
  REAUTH_REQUIRED,
  /** The user or an admin has not consented to what was asked (AADSTS65001): consent again. */
  CONSENT_REQUIRED,
  /** The app has no service principal in the tenant: an admin installs (consents to) it. */
  NOT_INSTALLED,
  /** Entra rejects the platform's own credentials: a platform alarm, every tenant is affected. */
  INVALID_CLIENT,
  /** Entra or the network failed for now (5xx, throttling, no answer): try again later. */
  TRANSIENT,
  /**
   * Anything else, e.g. a replayed code or a PKCE mismatch: retrying the same request won't help.
   */
  INVALID_REQUEST;

  /** The value of the {@code outcome} metric tag. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
