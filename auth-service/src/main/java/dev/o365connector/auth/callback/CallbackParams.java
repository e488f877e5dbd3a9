package dev.o365connector.auth.callback;

/**
 * What Entra sends to {@code /connector/callback}: {@code code}+{@code state} after a sign-in,
 * {@code admin_consent}+{@code tenant}+{@code state} after admin consent, or {@code error}+{@code
 * error_description}+{@code state} when either failed.
 */
public record CallbackParams(
    String code,
    String state,
    String adminConsent,
    String tenant,
    String error,
    String errorDescription) {

  boolean isError() {
    return error != null && !error.isBlank();
  }

  boolean isSignIn() {
    return !isError() && code != null && !code.isBlank();
  }

  boolean isAdminConsent() {
    return !isError() && "True".equalsIgnoreCase(adminConsent) && tenant != null;
  }

  @Override
  public String toString() {
    // Codes and states are credentials: only the shape may be logged.
    return "CallbackParams[signIn="
        + isSignIn()
        + ", adminConsent="
        + isAdminConsent()
        + ", error="
        + error
        + "]";
  }
}
