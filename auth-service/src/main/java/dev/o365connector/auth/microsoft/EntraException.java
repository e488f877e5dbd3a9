package dev.o365connector.auth.microsoft;

import java.util.List;

/**
 * A failed Entra ID token request: what it means ({@link #kind()}) and what Entra said. Never
 * carries a secret, code or token; Entra's {@code error_description} carries none either.
 */
public final class EntraException extends RuntimeException {

  /** {@link #httpStatus()} when no HTTP answer came (connection failure, timeout). */
  public static final int NO_RESPONSE = 0;

  private final EntraFailure kind;
  private final String error;
  private final List<Integer> errorCodes;
  private final String description;
  private final int httpStatus;

  /**
   * @param error Entra's OAuth {@code error}, null when Entra gave none
   * @param errorCodes Entra's {@code error_codes} (the AADSTS numbers), empty when it gave none
   * @param description Entra's {@code error_description}, or what went wrong when Entra gave none
   * @param httpStatus the token endpoint's HTTP status, {@link #NO_RESPONSE} when there was none
   */
  public EntraException(
      EntraFailure kind,
      String error,
      List<Integer> errorCodes,
      String description,
      int httpStatus) {
    this(kind, error, errorCodes, description, httpStatus, null);
  }

  /**
   * As {@link #EntraException(EntraFailure, String, List, String, int)}, caused by {@code cause}.
   */
  public EntraException(
      EntraFailure kind,
      String error,
      List<Integer> errorCodes,
      String description,
      int httpStatus,
      Throwable cause) {
    super(message(kind, error, errorCodes, description, httpStatus), cause);
    this.kind = kind;
    this.error = error;
    this.errorCodes = List.copyOf(errorCodes);
    this.description = description;
    this.httpStatus = httpStatus;
  }

  public EntraFailure kind() {
    return kind;
  }

  public String error() {
    return error;
  }

  public List<Integer> errorCodes() {
    return errorCodes;
  }

  public String description() {
    return description;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Whether Entra answered with AADSTS {@code code}. */
  public boolean hasCode(int code) {
    return errorCodes.contains(code);
  }

  private static String message(
      EntraFailure kind, String error, List<Integer> codes, String description, int httpStatus) {
    StringBuilder message = new StringBuilder("Entra token request failed: ").append(kind);
    if (error != null) {
      message.append(' ').append(error);
    }
    codes.forEach(code -> message.append(" AADSTS").append(code));
    if (httpStatus != NO_RESPONSE) {
      message.append(" (HTTP ").append(httpStatus).append(')');
    }
    if (description != null && !description.isBlank()) {
      // Entra's first line says what is wrong; the rest (trace and correlation ids) stays in
      // description() for whoever reports the failure to Microsoft.
      message.append(": ").append(description.lines().findFirst().orElse(""));
    }
    return message.toString();
  }
}
