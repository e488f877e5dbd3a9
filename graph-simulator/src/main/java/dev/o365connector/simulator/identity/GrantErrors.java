package dev.o365connector.simulator.identity;

import java.time.Duration;
import java.time.Instant;

/** The {@code invalid_grant} family: what goes wrong redeeming codes and refresh tokens. */
final class GrantErrors {

  private GrantErrors() {}

  private static EntraError invalidGrant(int code, String message) {
    return EntraError.of("invalid_grant", code, message);
  }

  static EntraError malformed() {
    return invalidGrant(9002313, "Invalid request. Request is malformed or invalid.");
  }

  static EntraError otherClient() {
    return invalidGrant(70000, "Provided grant is invalid or malformed.");
  }

  static EntraError codeRedeemed() {
    return invalidGrant(
        54005,
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or"
            + " use an existing refresh token.");
  }

  static EntraError codeExpired() {
    return invalidGrant(
        70008,
        "The provided authorization code or refresh token has expired due to inactivity. Send a"
            + " new interactive authorization request for this user and resource.");
  }

  static EntraError codeOfOtherTenant() {
    return invalidGrant(
        700005,
        "Provided Authorization Code is intended to use against other tenant, thus rejected.");
  }

  static EntraError replyAddressMismatch(String given, String expected) {
    return invalidGrant(
        500112,
        "The reply address '"
            + given
            + "' does not match the reply address '"
            + expected
            + "' provided when requesting Authorization code.");
  }

  static EntraError verifierMissing() {
    return invalidGrant(
        50148,
        "The code_verifier does not match the code_challenge supplied in the authorization"
            + " request for PKCE.");
  }

  static EntraError verifierMismatch() {
    return invalidGrant(
        501481,
        "The Code_Verifier does not match the code_challenge supplied in the authorization"
            + " request.");
  }

  static EntraError revoked(Instant issued, Instant validFrom) {
    return invalidGrant(
        50173,
        "The provided grant has expired due to it being revoked, a fresh auth token is needed."
            + " The user might have changed or reset their password. The grant was issued on '"
            + Timestamps.format(issued)
            + "' and the TokensValidFrom date (before which tokens are not valid) for this user is"
            + " '"
            + Timestamps.format(validFrom)
            + "'.");
  }

  static EntraError inactive(Instant issued, Duration inactiveFor) {
    return invalidGrant(
        700082,
        "The refresh token has expired due to inactivity. The token was issued on "
            + Timestamps.format(issued)
            + " and was inactive for "
            + Timestamps.format(inactiveFor)
            + ".");
  }

  static EntraError userNotFound(String user, String tenant) {
    return invalidGrant(
        50034, "The user account " + user + " does not exist in the " + tenant + " directory.");
  }

  static EntraError consentMissing(String clientId) {
    return invalidGrant(
        65001,
        "The user or administrator has not consented to use the application with ID '"
            + clientId
            + "'. Send an interactive authorization request for this user and resource.");
  }
}
